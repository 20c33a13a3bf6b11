package dev.groundwork.views.shell;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom bar: the open study's name and folder, a read-only badge (its tooltip says why), the loop's controls and the background tasks. */
final class StatusBarView {

    private final HBox root = new HBox();

    StatusBarView(MainViewModel vm) {
        Label name = label("status-study-name", "status-study-name");
        name.textProperty().bind(vm.studyNameProperty().map(n -> n.isEmpty() ? "No study open" : n));
        name.setMinWidth(Region.USE_PREF_SIZE);

        Label path = label("status-study-path", "status-study-path");
        path.textProperty().bind(vm.studyPathProperty());
        Tooltip wholePath = new Tooltip();
        wholePath.textProperty().bind(vm.studyPathProperty());
        path.setTooltip(wholePath); // the folder is elided first when the loop's message is long

        Label badge = label("status-read-only", "badge");
        badge.setText("Read-only");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip reason = new Tooltip();
        reason.textProperty().bind(vm.readOnlyReasonProperty());
        badge.setTooltip(reason);
        badge.visibleProperty().bind(vm.readOnlyProperty());
        badge.managedProperty().bind(vm.readOnlyProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // The folder gives way (ellipsis) before the tasks do.
        path.setMinWidth(40);

        root.setId("status-bar");
        root.getStyleClass().add("status-bar");
        root.getChildren().addAll(name, badge, path, spacer, new LoopControls(vm.loop()).root(), new TaskStrip(vm.shownTasks()).root());
    }

    Parent root() {
        return root;
    }

    private static Label label(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
