package dev.groundwork.views.shell;

import dev.groundwork.views.common.BackgroundTask;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The status bar's list of background tasks: name, progress, cancel. An entry is made once per task and kept while it
 * runs, so a task starting or ending does not rebuild (and re-style) the others.
 */
final class TaskStrip {

    private final HBox root = new HBox();
    private final Map<BackgroundTask, Node> entries = new HashMap<>();

    TaskStrip(ObservableList<BackgroundTask> tasks) {
        root.setId("task-strip");
        root.getStyleClass().add("task-strip");
        root.setMinWidth(Region.USE_PREF_SIZE);
        tasks.addListener((ListChangeListener<BackgroundTask>) change -> show(tasks));
        show(tasks);
    }

    Parent root() {
        return root;
    }

    private void show(ObservableList<BackgroundTask> tasks) {
        entries.keySet().retainAll(tasks);
        root.getChildren().setAll(tasks.stream().map(task -> entries.computeIfAbsent(task, TaskStrip::entry)).toList());
    }

    private static Node entry(BackgroundTask task) {
        Label name = new Label(task.name());
        name.getStyleClass().add("task-name");
        Tooltip doing = new Tooltip();
        doing.textProperty().bind(task.messageProperty().map(text -> text.isEmpty() ? task.name() : text));
        name.setTooltip(doing);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(task.progressProperty());
        Button cancel = new Button("×");
        cancel.getStyleClass().add("task-cancel");
        cancel.setTooltip(new Tooltip("Cancel " + task.name()));
        cancel.setOnAction(e -> task.cancel());
        HBox entry = new HBox(name, progress, cancel);
        entry.getStyleClass().add("task");
        entry.setMinWidth(Region.USE_PREF_SIZE);
        return entry;
    }
}
