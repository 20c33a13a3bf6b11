package dev.groundwork.views.lineage;

import dev.groundwork.views.common.StatusPageView;
import javafx.scene.Parent;

/** The Lineage page. */
public final class LineageView {

    private final Parent root;

    public LineageView(LineageViewModel vm) {
        root = new StatusPageView(vm.page(), "page-lineage").root();
    }

    public Parent root() {
        return root;
    }
}
