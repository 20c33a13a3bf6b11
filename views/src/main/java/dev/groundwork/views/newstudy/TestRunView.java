package dev.groundwork.views.newstudy;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Step 4: test-run the baseline — its output as it comes, the metrics seen with their last values, and cancel. */
final class TestRunView {

    private final VBox root = new VBox(8);
    private final Button start = new Button("Test-run the baseline");
    private final TestRunViewModel vm;

    TestRunView(NewStudyWizardViewModel wizard) {
        vm = wizard.testRun();
        start.setId("test-start");
        start.setDefaultButton(false);
        start.setOnAction(event -> wizard.startTestRun());
        start.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel the test run");
        cancel.setId("test-cancel");
        cancel.setOnAction(event -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("test-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        start.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        spinner.setMinSize(18, 18);
        HBox bar = new HBox(10, start, cancel, spinner, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label explain = new Label("Runs the command in a scratch copy of your code for at most "
                + TestRunViewModel.MOST.toMinutes() + " minutes (or the timeout, when shorter) and reads its output for"
                + " metric lines: JSON lines, key=value pairs with a step, or modded-nanogpt's step:N/M lines.");
        explain.getStyleClass().add("form-hint");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);

        ListView<String> log = new ListView<>(vm.log());
        log.setId("test-log");
        log.getStyleClass().add("wizard-log");
        log.setPlaceholder(new Label("The baseline's output shows here as it comes."));
        vm.log().addListener((ListChangeListener<String>) change -> {
            if (!vm.log().isEmpty()) {
                log.scrollTo(vm.log().size() - 1);
            }
        });
        TableView<TestRunViewModel.MetricRow> metrics = new TableView<>(vm.metrics());
        metrics.setId("test-metrics");
        metrics.setPlaceholder(new Label("No metric line yet."));
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TestRunViewModel.MetricRow, String> name = new TableColumn<>("Metric");
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().name()));
        TableColumn<TestRunViewModel.MetricRow, String> last = new TableColumn<>("Last value");
        last.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(number(row.getValue().last())));
        last.getStyleClass().add("number");
        TableColumn<TestRunViewModel.MetricRow, String> lines = new TableColumn<>("Lines");
        lines.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(String.valueOf(row.getValue().lines())));
        lines.getStyleClass().add("number");
        metrics.getColumns().setAll(java.util.List.of(name, last, lines));
        SplitPane split = new SplitPane(log, metrics);
        split.setDividerPositions(0.64);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(explain, bar, split);
    }

    Parent root() {
        return root;
    }

    void focus() {
        start.requestFocus();
    }

    /** Stops taking in lines (the window closes). */
    void stop() {
        vm.stopPolling();
    }

    private static String number(double value) {
        double size = Math.abs(value);
        return size != 0 && (size < 1e-3 || size >= 1e6) ? String.format(Locale.ROOT, "%.4g", value)
                : String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
