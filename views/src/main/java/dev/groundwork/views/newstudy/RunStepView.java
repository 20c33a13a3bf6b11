package dev.groundwork.views.newstudy;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Step 3: the run command, the timeout, how many runs at once and GPUs per run. */
final class RunStepView {

    private final GridPane root = new GridPane(10, 8);
    private final TextField command = field("run-command", "python3 train.py");

    RunStepView(RunStepViewModel vm) {
        command.textProperty().bindBidirectional(vm.commandProperty());
        Label from = hint("");
        from.setId("run-command-from");
        from.textProperty().bind(vm.commandFromProperty());
        TextField timeout = field("run-timeout", "30m");
        timeout.textProperty().bindBidirectional(vm.timeoutProperty());
        TextField concurrency = field("run-concurrency", "1");
        concurrency.textProperty().bindBidirectional(vm.concurrencyProperty());
        TextField gpus = field("run-gpus", "0");
        gpus.textProperty().bindBidirectional(vm.gpusProperty());
        for (TextField small : new TextField[] {timeout, concurrency, gpus}) {
            small.setMaxWidth(120);
        }
        root.addRow(0, label("Run command"), command);
        root.add(from, 1, 1);
        root.addRow(2, label("Timeout"), timeout);
        root.add(hint("A run still going after this long is stopped and counts as failed, e.g. 90s, 30m, 2h."), 1, 3);
        root.addRow(4, label("Runs at once"), concurrency);
        root.add(hint("How many ideas' runs may run at the same time."), 1, 5);
        root.addRow(6, label("GPUs per run"), gpus);
        root.add(hint("0 for CPU-only code; each run gets GPUs of its own, never shared."), 1, 7);
        root.add(hint("The command runs in a copy of your code, with its folder as the working directory."), 0, 8, 2,
                1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        root.getColumnConstraints().addAll(labels, fields);
    }

    Parent root() {
        return root;
    }

    void focus() {
        command.requestFocus();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);
        return hint;
    }
}
