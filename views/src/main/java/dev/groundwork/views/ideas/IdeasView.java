package dev.groundwork.views.ideas;

import dev.groundwork.views.common.StatusPageView;
import javafx.scene.Parent;

/** The Ideas page. */
public final class IdeasView {

    private final Parent root;

    public IdeasView(IdeasViewModel vm) {
        root = new StatusPageView(vm.page(), "page-ideas").root();
    }

    public Parent root() {
        return root;
    }
}
