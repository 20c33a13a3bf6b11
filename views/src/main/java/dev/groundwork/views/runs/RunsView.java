package dev.groundwork.views.runs;

import dev.groundwork.views.common.StatusPageView;
import javafx.scene.Parent;

/** The Runs page. */
public final class RunsView {

    private final Parent root;

    public RunsView(RunsViewModel vm) {
        root = new StatusPageView(vm.page(), "page-runs").root();
    }

    public Parent root() {
        return root;
    }
}
