package dev.groundwork.views.review;

import dev.groundwork.views.common.StatusPageView;
import javafx.scene.Parent;

/** The Review page. */
public final class ReviewView {

    private final Parent root;

    public ReviewView(ReviewViewModel vm) {
        root = new StatusPageView(vm.page(), "page-review").root();
    }

    public Parent root() {
        return root;
    }
}
