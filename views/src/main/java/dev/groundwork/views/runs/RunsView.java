package dev.groundwork.views.runs;

import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.views.common.StatusPageView;
import java.util.List;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The Runs page: the page's numbers while the study has no runs; otherwise every run in a table (newest first) above
 * the selected run's reward curve and the tail of its log. While the page shows and a run is active it reads the runs
 * again every {@link #POLL}.
 */
public final class RunsView {

    /** How often the page reads the runs again while one is starting or running. */
    public static final Duration POLL = Duration.seconds(2);

    private final RunsMonitorViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<RunMonitor.Row> table = new TableView<>();
    private final Timeline poll = new Timeline(new KeyFrame(POLL, event -> tick()));
    private boolean syncing;

    public RunsView(RunsViewModel page) {
        this.vm = page.monitor();
        root.setId("page-runs");
        poll.setCycleCount(Animation.INDEFINITE);

        Parent overview = new StatusPageView(page.page(), "runs-overview").root();
        BorderPane monitor = monitor();
        Runnable mode = () -> root.setCenter(vm.rows().isEmpty() ? overview : monitor);
        vm.rows().addListener((InvalidationListener) o -> mode.run());
        mode.run();

        root.sceneProperty().addListener(o -> updatePolling());
        vm.activeProperty().addListener(o -> updatePolling());
        updatePolling();
    }

    public Parent root() {
        return root;
    }

    /** Whether the page reads the runs again every {@link #POLL} now (it shows, and a run is active). */
    public boolean polling() {
        return poll.getStatus() == Animation.Status.RUNNING;
    }

    private void updatePolling() {
        boolean wanted = root.getScene() != null && vm.activeProperty().get();
        if (wanted && !polling()) {
            poll.play();
        } else if (!wanted && polling()) {
            poll.stop();
        }
    }

    private void tick() {
        Scene scene = root.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (scene == null || (window != null && !window.isShowing()) || !vm.activeProperty().get()) {
            poll.stop();
            return;
        }
        vm.refresh();
    }

    private BorderPane monitor() {
        Label title = new Label();
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            long active = vm.rows().stream().filter(row -> row.run().status().isActive()).count();
            return "Runs · " + vm.rows().size() + (active == 0 ? "" : " · " + active + " active");
        }, vm.rows()));
        title.setPadding(new Insets(0, 0, 12, 0));

        SplitPane detail = new SplitPane(curve(), logArea());
        detail.getStyleClass().add("runs-detail");
        detail.setDividerPositions(0.5);
        Label detailTitle = new Label();
        detailTitle.setId("runs-detail-title");
        detailTitle.getStyleClass().add("runs-detail-title");
        detailTitle.textProperty().bind(Bindings.createStringBinding(() -> detailTitle(vm.selectedProperty().get()),
                vm.selectedProperty()));
        VBox.setVgrow(detail, Priority.ALWAYS);
        VBox bottom = new VBox(detailTitle, detail);
        SplitPane split = new SplitPane(table(), bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.getStyleClass().add("runs-split");
        split.setDividerPositions(0.42);

        Label message = new Label();
        message.getStyleClass().add("runs-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        BorderPane pane = new BorderPane(split, title, null, message, null);
        pane.getStyleClass().addAll("page", "runs-page");
        return pane;
    }

    static String detailTitle(RunMonitor.Row row) {
        if (row == null) {
            return "Select a run to see its curve and log.";
        }
        Run run = row.run();
        String reward = RunsMonitorViewModel.reward(run);
        String failure = RunsMonitorViewModel.failure(run);
        return "Run " + run.id() + " · " + row.title() + " · " + run.status().wireName()
                + (reward.isEmpty() ? "" : " · reward " + reward) + (failure.isEmpty() ? "" : " · " + failure);
    }

    private TableView<RunMonitor.Row> table() {
        table.setId("runs-table");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Every column but the idea keeps its width: the room left goes to the idea's title.
        TableColumn<RunMonitor.Row, String> idea = column("Idea", RunMonitor.Row::title, 200, "");
        idea.setMinWidth(140);
        idea.setMaxWidth(Double.MAX_VALUE);
        double fixed = 48 + 112 + 56 + 96 + 78 + 84 + 110 + 18;
        idea.prefWidthProperty().bind(Bindings.max(140, table.widthProperty().subtract(fixed)));
        TableColumn<RunMonitor.Row, String> elapsed = new TableColumn<>("Elapsed");
        elapsed.setCellValueFactory(cell -> {
            Run run = cell.getValue().run();
            return Bindings.createStringBinding(() -> RunsMonitorViewModel.elapsed(run, vm.nowProperty().get()),
                    vm.nowProperty());
        });
        fixed(elapsed, 78, "number");
        table.getColumns().setAll(List.of(
                column("#", row -> String.valueOf(row.run().id()), 48, "number"),
                statusColumn(),
                idea,
                column("Epoch", row -> String.valueOf(row.run().epoch()), 56, "number"),
                column("Host", row -> row.run().host() == null ? "" : row.run().host(), 96, ""),
                elapsed,
                column("Reward", row -> RunsMonitorViewModel.reward(row.run()), 84, "number"),
                column("Failure", row -> RunsMonitorViewModel.failure(row.run()), 110, "")));
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (!syncing && row != null) {
                syncing = true;
                vm.selectedProperty().set(row);
                syncing = false;
            }
        });
        vm.selectedProperty().addListener(o -> selectInTable());
        vm.rows().addListener((ListChangeListener<RunMonitor.Row>) change -> selectInTable());
        selectInTable();
        return table;
    }

    private void selectInTable() {
        if (syncing) {
            return;
        }
        syncing = true;
        RunMonitor.Row row = vm.selectedProperty().get();
        int index = row == null ? -1 : table.getItems().indexOf(row);
        if (index < 0) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedIndex() != index) {
            table.getSelectionModel().clearAndSelect(index);
        }
        syncing = false;
    }

    private static TableColumn<RunMonitor.Row, String> column(String name, Function<RunMonitor.Row, String> value,
                                                            double width, String styleClass) {
        TableColumn<RunMonitor.Row, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return fixed(column, width, styleClass);
    }

    private static TableColumn<RunMonitor.Row, String> fixed(TableColumn<RunMonitor.Row, String> column, double width,
                                                           String styleClass) {
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 36));
        column.setMaxWidth(width);
        if (!styleClass.isEmpty()) {
            column.getStyleClass().add(styleClass);
        }
        column.setReorderable(false);
        return column;
    }

    private static TableColumn<RunMonitor.Row, String> statusColumn() {
        TableColumn<RunMonitor.Row, String> column = column("Status", row -> row.run().status().wireName(), 112, "");
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
        NumberAxis steps = new NumberAxis();
        steps.setLabel("step");
        steps.setForceZeroInRange(false);
        NumberAxis values = new NumberAxis();
        values.setForceZeroInRange(false);
        values.labelProperty().bind(vm.metricProperty());
        LineChart<Number, Number> chart = new LineChart<>(steps, values);
        chart.setId("runs-curve");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.titleProperty().bind(vm.metricProperty());
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        chart.getData().add(line);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setMinHeight(160);

        Label empty = new Label();
        empty.getStyleClass().add("runs-curve-note");
        empty.setWrapText(true);
        ObservableValue<List<MetricPoint>> series = vm.seriesProperty();
        Runnable draw = () -> {
            List<MetricPoint> points = series.getValue();
            line.getData().setAll(points.stream()
                    .map(point -> new XYChart.Data<Number, Number>(point.step(), point.value())).toList());
            RunStatus status = vm.selectedProperty().get() == null ? null : vm.selectedProperty().get().run().status();
            empty.setText(vm.selectedProperty().get() == null ? ""
                    : !points.isEmpty() ? (vm.seriesSizeProperty().get() > points.size()
                            ? vm.seriesSizeProperty().get() + " points, drawn as " + points.size() : "")
                    : status != null && status.isActive() ? "No " + vm.metricProperty().get() + " reported yet."
                    : "This run reported no " + vm.metricProperty().get() + ".");
        };
        series.addListener(o -> draw.run());
        draw.run();
        empty.visibleProperty().bind(empty.textProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());
        VBox box = new VBox(4, chart, empty);
        box.getStyleClass().add("runs-curve-box");
        return box;
    }

    private TextArea logArea() {
        TextArea log = new TextArea();
        log.setId("runs-log");
        log.getStyleClass().add("runs-log");
        log.setEditable(false);
        log.setWrapText(false);
        log.setPromptText("No log yet.");
        vm.logProperty().addListener((o, old, text) -> {
            log.setText(text);
            log.positionCaret(text.length());
            log.setScrollTop(Double.MAX_VALUE);
        });
        log.setText(vm.logProperty().get());
        log.setMinHeight(120);
        return log;
    }
}
