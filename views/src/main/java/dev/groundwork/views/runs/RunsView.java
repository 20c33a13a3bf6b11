package dev.groundwork.views.runs;

import static dev.groundwork.views.common.TableColumns.fillRest;
import static dev.groundwork.views.common.TableColumns.fixed;
import static dev.groundwork.views.common.TableColumns.fixedText;

import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.views.charts.CurveChart;
import dev.groundwork.views.common.StatusPageView;
import dev.groundwork.views.common.TableSelection;
import java.net.URL;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Runs page: the page's numbers while the study has no runs; otherwise the actions on the selected run (cancel,
 * retry, run again), the hosts and their slots, every run in a table (newest first, with its slot, progress and whether
 * it is a repeat) above the selected run's reward curve and live log. While the page shows and a run is queued or active
 * (or the window's loop runs) its view model reads the runs again every {@link RunsMonitorViewModel#POLL}. Keys:
 * c / Delete cancel, r retry, a run again, f follow, Ctrl+F find.
 */
public final class RunsView {

    private final RunsMonitorViewModel vm;
    private final RunActionsViewModel actions;
    private final BorderPane root = new BorderPane();
    private LiveLogView log;
    private final TableView<RunMonitor.Row> table = new TableView<>();

    public RunsView(RunsViewModel page) {
        this.vm = page.monitor();
        this.actions = page.actions();
        root.setId("page-runs");
        root.getStylesheets().add(stylesheet());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);

        Parent overview = new StatusPageView(page.page(), "runs-overview").root();
        BorderPane monitor = monitor();
        Runnable mode = () -> root.setCenter(vm.rows().isEmpty() ? overview : monitor);
        vm.rows().addListener((InvalidationListener) o -> mode.run());
        mode.run();

        // In a scene, and in a window that shows when it has one: closing the window stops the polling too.
        vm.showingProperty().bind(root.sceneProperty().flatMap(scene -> scene.windowProperty()
                .flatMap(Window::showingProperty).orElse(true)).orElse(false));
    }

    private static String stylesheet() {
        URL url = RunsView.class.getResource("/groundwork/css/runs.css");
        if (url == null) {
            throw new IllegalStateException("The stylesheet groundwork/css/runs.css is missing from the classpath (groundwork-resources).");
        }
        return url.toExternalForm();
    }

    /** The page's keys, unless a text field has the focus (the log's search field takes its own). */
    private void keys(KeyEvent event) {
        if (event.isShortcutDown() && event.getCode() == KeyCode.F && log != null) {
            log.focusSearch();
            event.consume();
            return;
        }
        if (event.getTarget() instanceof TextInputControl || event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        switch (event.getCode()) {
            case C, DELETE -> actions.cancel();
            case R -> actions.retry();
            case A -> actions.runAgain();
            case F -> vm.log().followProperty().set(!vm.log().followProperty().get());
            default -> {
                return;
            }
        }
        event.consume();
    }

    public Parent root() {
        return root;
    }

    /** Whether the page's view model reads the runs again every {@link RunsMonitorViewModel#POLL} now. */
    public boolean polling() {
        return vm.pollingProperty().get();
    }

    private BorderPane monitor() {
        Label title = new Label();
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            long active = vm.rows().stream().filter(row -> row.run().status().isActive()).count();
            long queued = vm.rows().stream().filter(row -> row.run().status() == RunStatus.QUEUED).count();
            return "Runs · " + vm.rows().size() + (active == 0 ? "" : " · " + active + " active")
                    + (queued == 0 ? "" : " · " + queued + " queued");
        }, vm.rows()));

        SplitPane detail = new SplitPane(curve(), logArea());
        detail.getStyleClass().add("runs-detail");
        detail.setDividerPositions(0.45);
        Label detailTitle = new Label();
        detailTitle.setId("runs-detail-title");
        detailTitle.getStyleClass().add("runs-detail-title");
        detailTitle.textProperty().bind(Bindings.createStringBinding(() -> detailTitle(vm.selectedProperty().get()),
                vm.selectedProperty()));
        Tooltip wholeTitle = new Tooltip();
        wholeTitle.textProperty().bind(detailTitle.textProperty());
        wholeTitle.setWrapText(true);
        wholeTitle.setMaxWidth(520);
        // Elided like the table's titles when the idea's title is long; then the tooltip has all of it.
        detailTitle.textTruncatedProperty().addListener((o, was, truncated) ->
                detailTitle.setTooltip(truncated ? wholeTitle : null));
        VBox.setVgrow(detail, Priority.ALWAYS);
        VBox bottom = new VBox(detailTitle, where(), detail);
        VBox top = new VBox(new HostsView(vm).root(), table());
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.getStyleClass().add("runs-split");
        split.setDividerPositions(0.45);

        Label message = new Label();
        message.getStyleClass().add("runs-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        BorderPane pane = new BorderPane(split, toolbar(title), null, message, null);
        pane.getStyleClass().addAll("page", "runs-page");
        return pane;
    }

    /**
     * Under the selected run's title: its host, GPUs and GPU model, and for a container run its image digest, in a field
     * that can be selected and copied (what it takes to run the same thing again).
     */
    private HBox where() {
        Label where = new Label();
        where.setId("runs-detail-where");
        where.getStyleClass().add("runs-detail-where");
        where.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : RunsMonitorViewModel.where(vm.selectedProperty().get().run()), vm.selectedProperty()));
        Label imageLabel = new Label("image");
        imageLabel.getStyleClass().add("runs-detail-where");
        TextField image = new TextField();
        image.setId("runs-detail-image");
        image.setEditable(false);
        image.getStyleClass().add("runs-detail-image");
        image.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : RunsMonitorViewModel.imageDigest(vm.selectedProperty().get().run()), vm.selectedProperty()));
        image.setTooltip(new Tooltip("The image this run's container ran in, by digest: select it to copy it"));
        HBox.setHgrow(image, Priority.ALWAYS);
        HBox digest = new HBox(6, imageLabel, image);
        digest.setAlignment(Pos.CENTER_LEFT);
        digest.visibleProperty().bind(image.textProperty().isNotEmpty());
        digest.managedProperty().bind(digest.visibleProperty());
        HBox.setHgrow(digest, Priority.ALWAYS);
        HBox line = new HBox(16, where, digest);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("runs-detail-where-line");
        line.visibleProperty().bind(where.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /** The title, then what the last action said, then the actions on the selected run. */
    private HBox toolbar(Label title) {
        Button cancel = action("Cancel run", "runs-cancel", "Stop the selected queued or running run; it is recorded as"
                + " cancelled and never rerun (c)", actions::cancel, actions.canCancelProperty());
        Button retry = action("Retry", "runs-retry", "Queue one more run of the selected failed, timed-out, cancelled or"
                + " lost run's patch (r)", actions::retry, actions.canRetryProperty());
        Button again = action("Run again", "runs-run-again", "Repeat the selected succeeded run to measure noise; the"
                + " repeat's reward does not count (a)", actions::runAgain, actions.canRunAgainProperty());
        Label said = new Label();
        said.setId("runs-action-message");
        said.getStyleClass().add("runs-action-message");
        said.textProperty().bind(actions.messageProperty());
        said.setWrapText(true);
        said.setMinWidth(0);
        HBox.setHgrow(said, Priority.ALWAYS);
        said.setMaxWidth(Double.MAX_VALUE);
        said.setAlignment(Pos.CENTER_RIGHT);
        HBox buttons = new HBox(6, cancel, retry, again);
        buttons.visibleProperty().bind(actions.availableProperty());
        buttons.managedProperty().bind(buttons.visibleProperty());
        HBox bar = new HBox(title, said, buttons);
        bar.getStyleClass().add("runs-toolbar");
        return bar;
    }

    private static Button action(String text, String id, String tip, Runnable act, ObservableValue<Boolean> enabled) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("runs-action");
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> act.run());
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !Boolean.TRUE.equals(enabled.getValue()),
                enabled));
        return button;
    }

    static String detailTitle(RunMonitor.Row row) {
        if (row == null) {
            return "Select a run to see its curve and log.";
        }
        Run run = row.run();
        String reward = RunsMonitorViewModel.reward(run);
        String failure = RunsMonitorViewModel.failure(run);
        return "Run " + run.id() + " · " + row.title() + " · " + run.status().wireName()
                + (reward.isEmpty() ? "" : " · reward " + reward)
                + (row.repeatOf() == null ? "" : " (a repeat of run " + row.repeatOf() + ": does not count)")
                + (failure.isEmpty() || failure.equals(run.status().wireName()) ? "" : " · " + failure);
    }

    private TableView<RunMonitor.Row> table() {
        table.setId("runs-table");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<RunMonitor.Row, String> idea = ideaColumn();
        TableColumn<RunMonitor.Row, String> elapsed = new TableColumn<>("Elapsed");
        elapsed.setCellValueFactory(cell -> {
            Run run = cell.getValue().run();
            return Bindings.createStringBinding(() -> RunsMonitorViewModel.elapsed(run, vm.nowProperty().get()),
                    vm.nowProperty());
        });
        fixed(elapsed, 70, "number");
        table.getColumns().setAll(List.of(
                fixedText("#", row -> String.valueOf(row.run().id()), 44, "number"),
                statusColumn(),
                idea,
                fixedText("Epoch", row -> String.valueOf(row.run().epoch()), 52, "number"),
                fixedText("Slot", row -> RunsMonitorViewModel.slot(row.run()), 112, ""),
                progressColumn(),
                elapsed,
                rewardColumn(),
                fixedText("Failure", row -> RunsMonitorViewModel.failure(row.run()), 96, "")));
        // Every column but the idea keeps its width: the room left goes to the idea's title.
        fillRest(table, idea, 140);
        TableSelection.single(table, vm.selectedProperty());
        return table;
    }

    /**
     * The idea's title, elided when the column is too narrow (the catalog's combinations are long) with the whole of it
     * in a tooltip then, and a tag on a repeat (its reward does not count) naming the run whose reward does.
     */
    private static TableColumn<RunMonitor.Row, String> ideaColumn() {
        TableColumn<RunMonitor.Row, String> column = new TableColumn<>("Idea");
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().title()));
        column.setReorderable(false);
        column.setCellFactory(c -> new TableCell<>() {
            private final Label tag = new Label();
            private final Tooltip whole = new Tooltip();

            {
                tag.getStyleClass().add("run-repeat-tag");
                setContentDisplay(ContentDisplay.RIGHT);
                setGraphicTextGap(8);
                setTextOverrun(OverrunStyle.ELLIPSIS);
                whole.setWrapText(true);
                whole.setMaxWidth(520);
                // Only an elided title needs one: a tooltip repeating a title in full view is noise.
                textTruncatedProperty().addListener((o, was, truncated) -> setTooltip(truncated ? whole : null));
            }

            @Override
            protected void updateItem(String title, boolean empty) {
                super.updateItem(title, empty);
                RunMonitor.Row row = empty ? null : getTableRow().getItem();
                setText(empty ? null : title);
                whole.setText(empty || title == null ? "" : title);
                setTooltip(!empty && isTextTruncated() ? whole : null);
                if (row != null && row.repeatOf() != null) {
                    tag.setText("repeat of #" + row.repeatOf());
                    setGraphic(tag);
                } else {
                    setGraphic(null);
                }
            }
        });
        return column;
    }

    /** A bar and "step/total" while a run is active and reports steps; nothing otherwise. */
    private static TableColumn<RunMonitor.Row, String> progressColumn() {
        TableColumn<RunMonitor.Row, String> column = fixedText("Progress", RunsMonitorViewModel::progress, 136, "");
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            {
                bar.getStyleClass().add("run-progress");
                setContentDisplay(ContentDisplay.LEFT);
                setGraphicTextGap(6);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                RunMonitor.Row row = empty ? null : getTableRow().getItem();
                setText(empty ? null : text);
                if (row != null && row.progress() != null && row.progress().fraction() >= 0) {
                    bar.setProgress(row.progress().fraction());
                    setGraphic(bar);
                } else {
                    setGraphic(null);
                }
            }
        });
        return column;
    }

    /** A repeat's reward shows muted: it measures noise and does not count toward the idea's reward. */
    private static TableColumn<RunMonitor.Row, String> rewardColumn() {
        TableColumn<RunMonitor.Row, String> column = fixedText("Reward", row -> RunsMonitorViewModel.reward(row.run()), 78,
                "number");
        Tooltip repeat = new Tooltip("A repeat: its reward measures noise and does not count toward the idea's reward");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String reward, boolean empty) {
                super.updateItem(reward, empty);
                RunMonitor.Row row = empty ? null : getTableRow().getItem();
                setText(empty ? null : reward);
                boolean isRepeat = row != null && row.repeatOf() != null;
                getStyleClass().remove("run-reward-repeat");
                if (isRepeat) {
                    getStyleClass().add("run-reward-repeat");
                }
                setTooltip(isRepeat ? repeat : null);
            }
        });
        return column;
    }

    private static TableColumn<RunMonitor.Row, String> statusColumn() {
        TableColumn<RunMonitor.Row, String> column = fixedText("Status", row -> row.run().status().wireName(), 104, "");
        column.setCellFactory(c -> new TableCell<>() {
            private final Region dot = new Region();

            {
                dot.getStyleClass().add("run-status-dot");
            }

            @Override
            protected void updateItem(String status, boolean empty) {
                super.updateItem(status, empty);
                getStyleClass().removeIf(style -> style.startsWith("run-status-"));
                dot.getStyleClass().removeIf(style -> style.startsWith("run-status-") && !style.equals("run-status-dot"));
                if (empty || status == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(status);
                setGraphic(dot);
                getStyleClass().add("run-status-" + status);
                dot.getStyleClass().add("run-status-" + status);
            }
        });
        return column;
    }

    private VBox curve() {
        // The Analytics page's chart: M4-decimated on the canvas, hover values, the same look in both pages.
        CurveChart chart = new CurveChart();
        chart.setId("runs-curve");
        chart.yLabelProperty().bind(vm.metricProperty());
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setMinHeight(160);

        Label empty = new Label();
        empty.getStyleClass().add("runs-curve-note");
        empty.setWrapText(true);
        ObservableValue<List<MetricPoint>> series = vm.seriesProperty();
        Runnable draw = () -> {
            List<MetricPoint> points = series.getValue();
            chart.setCurves(points.isEmpty() ? List.of() : List.of(curveOf(vm.metricProperty().get(), points)));
            RunStatus status = vm.selectedProperty().get() == null ? null : vm.selectedProperty().get().run().status();
            empty.setText(vm.selectedProperty().get() == null ? ""
                    : !points.isEmpty() ? (vm.seriesSizeProperty().get() > points.size()
                            ? vm.seriesSizeProperty().get() + " points, drawn as " + points.size() : "")
                    : vm.selectedProperty().get().run().startedAt() == null ? "It has not started."
                    : status != null && status.isActive() ? "No " + vm.metricProperty().get() + " reported yet."
                    : "This run reported no " + vm.metricProperty().get() + ".");
        };
        series.addListener(o -> draw.run());
        vm.selectedProperty().addListener(o -> draw.run());
        vm.metricProperty().addListener(o -> draw.run());
        draw.run();
        empty.visibleProperty().bind(empty.textProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());
        // No axes without a curve: the note says why there is none.
        chart.visibleProperty().bind(Bindings.createBooleanBinding(() -> !series.getValue().isEmpty(), series));
        chart.managedProperty().bind(chart.visibleProperty());
        VBox box = new VBox(4, chart, empty);
        box.getStyleClass().add("runs-curve-box");
        return box;
    }

    /** A run's series as the chart takes it: steps ascending, as the monitor reads them. */
    static CurveChart.Curve curveOf(String metric, List<MetricPoint> points) {
        double[] steps = new double[points.size()];
        double[] values = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            steps[i] = points.get(i).step();
            values[i] = points.get(i).value();
        }
        return new CurveChart.Curve(metric, steps, values, false);
    }

    private Parent logArea() {
        log = new LiveLogView(vm.log(), Bindings.createStringBinding(() -> logPlaceholder(vm.selectedProperty().get()),
                vm.selectedProperty()));
        return log.root();
    }

    /** What the empty log area says. */
    static String logPlaceholder(RunMonitor.Row row) {
        if (row == null) {
            return "Select a run to see its log.";
        }
        Run run = row.run();
        if (run.status() == RunStatus.QUEUED) {
            return "Run " + run.id() + " is queued; its log starts when it does.";
        }
        if (run.status().isFinal() && run.startedAt() == null) {
            return "Run " + run.id() + " never started, so it has no log.";
        }
        return "No output yet.";
    }
}
