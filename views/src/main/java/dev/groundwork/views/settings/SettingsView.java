package dev.groundwork.views.settings;

import dev.groundwork.views.common.StatusPageView;
import javafx.scene.Parent;

/** The Settings page. */
public final class SettingsView {

    private final Parent root;

    public SettingsView(SettingsViewModel vm) {
        root = new StatusPageView(vm.page(), "page-settings").root();
    }

    public Parent root() {
        return root;
    }
}
