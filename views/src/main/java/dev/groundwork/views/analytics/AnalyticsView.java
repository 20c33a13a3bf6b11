package dev.groundwork.views.analytics;

import dev.groundwork.views.common.StatusPageView;
import javafx.scene.Parent;

/** The Analytics page. */
public final class AnalyticsView {

    private final Parent root;

    public AnalyticsView(AnalyticsViewModel vm) {
        root = new StatusPageView(vm.page(), "page-analytics").root();
    }

    public Parent root() {
        return root;
    }
}
