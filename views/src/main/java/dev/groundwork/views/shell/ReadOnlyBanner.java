package dev.groundwork.views.shell;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** A strip above the pages saying why nothing can be changed, while the study is read-only. */
final class ReadOnlyBanner {

    private final HBox root = new HBox();

    ReadOnlyBanner(MainViewModel vm) {
        Label badge = new Label("Read-only");
        badge.getStyleClass().add("badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Label reason = new Label();
        reason.setId("read-only-reason");
        reason.getStyleClass().add("read-only-reason");
        reason.textProperty().bind(vm.readOnlyReasonProperty());
        reason.setWrapText(true);
        root.setId("read-only-banner");
        root.getStyleClass().add("read-only-banner");
        root.getChildren().addAll(badge, reason);
        root.visibleProperty().bind(vm.readOnlyProperty());
        root.managedProperty().bind(vm.readOnlyProperty());
    }

    Parent root() {
        return root;
    }
}
