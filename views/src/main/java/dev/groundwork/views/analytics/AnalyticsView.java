package dev.groundwork.views.analytics;

import static dev.groundwork.views.common.StatusFormat.decimal;
import static dev.groundwork.views.common.StatusFormat.hours;
import static dev.groundwork.views.common.StatusFormat.usd;
import static dev.groundwork.views.charts.DrawnTable.Column.number;
import static dev.groundwork.views.charts.DrawnTable.Column.text;

import dev.groundwork.model.analytics.EpochHealth;
import dev.groundwork.model.analytics.IdeaLabels;
import dev.groundwork.model.analytics.Leaderboard;
import dev.groundwork.model.analytics.RewardPlot;
import dev.groundwork.views.charts.CurveChart;
import dev.groundwork.views.charts.DrawnTable;
import dev.groundwork.views.charts.RewardChart;
import dev.groundwork.views.common.BesideOrBelow;
import dev.groundwork.views.common.FirstFrames;
import dev.groundwork.views.common.StatusPageView;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Analytics page: the study's numbers, reward per epoch (evolve and best-of-n side by side when both ran), the
 * leaderboard with the training curves of the runs selected in it beside or below it, and the health of each epoch.
 */
public final class AnalyticsView {

    /** About the sections' height on a large study: the reward chart, the leaderboard and the curves, the health. */
    private static final double SECTIONS_ROOM = 1200;

    private final AnalyticsViewModel vm;
    private final ScrollPane root = new ScrollPane();
    /** The page's sections, a step per frame the first time it is shown. */
    private final FirstFrames firstFrames = new FirstFrames(root);
    private final HBox rewardCharts = new HBox(16);
    private final CurveChart curves = new CurveChart();
    /** The curves' metrics, scale, smoothing and export; they come a step after the chart. */
    private final javafx.scene.layout.FlowPane curveControls = new javafx.scene.layout.FlowPane(10, 6);
    private List<javafx.scene.Node> curveTools = List.of();
    private final DrawnTable<Leaderboard.Row> leaderboard = new DrawnTable<>(28);
    private boolean syncing;

    public AnalyticsView(AnalyticsViewModel vm) {
        this.vm = vm;
        VBox page = (VBox) new StatusPageView(vm.page(), "page-analytics-facts").root();
        Label message = new Label();
        message.getStyleClass().add("page-notice");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        VBox tools = new VBox(14);
        // A frame each: all at once, their first styling and layout held the FX thread a quarter of a second.
        firstFrames.add(tools, sectionWithAction("Reward per epoch", exportButton(AnalyticsViewModel.Table.REWARDS, rewardCharts),
                rewardCharts));
        // The leaderboard at its full width, the curves beside it on a wide window and below it on a narrower one.
        BesideOrBelow curvesRow = new BesideOrBelow(16, 440);
        curvesRow.setId("analytics-board-and-curves");
        firstFrames.add(tools, curvesRow);
        firstFrames.add(curvesRow, leaderboardBox());
        firstFrames.add(curvesRow, curvesBox());
        // The chart's controls a step later, one a step: styled with the chart, the box held the FX thread ~40 ms, and
        // in two steps each still took 14 ms of styling (a combo box's first skin), its layout and the paint after it.
        curveTools.forEach(tool -> firstFrames.add(curveControls, tool));
        VBox health = sectionWithAction("Health per epoch", exportButton(AnalyticsViewModel.Table.HEALTH, null),
                healthTable());
        // Room held for the sections while they arrive: a region that changes size is painted again whole, and each
        // section made the page taller, so every step repainted the screenful (55-70 ms of the software renderer's).
        // With the room held, a step repaints its own section; the page takes its own height once all are in.
        tools.setMinHeight(SECTIONS_ROOM);
        firstFrames.then(() -> {
            // The health section is below the fold when the page opens. A step that changed only what the viewport
            // hides left the renderer no dirty region, and it then painted the whole window (~45 ms); in the step that
            // gives the page its height, the page's new size is the region painted.
            tools.getChildren().add(health);
            firstFrames.styleNow(health);
            tools.setMinHeight(Region.USE_COMPUTED_SIZE);
            return true;
        });
        tools.visibleProperty().bind(vm.availableProperty().isEqualTo(true));
        tools.managedProperty().bind(tools.visibleProperty());
        page.getChildren().addAll(message, tools);
        page.setFillWidth(true);

        vm.rewardsProperty().addListener((o, old, plot) -> showRewards(plot));
        showRewards(vm.rewardsProperty().get());
        root.setContent(page);
        root.setFitToWidth(true);
        // The page outgrows the window as its sections arrive: a scroll bar that appeared then narrowed the whole
        // page, which was laid out, drawn and painted again at the new width.
        root.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        // A scroll pane caches its viewport as an image by default: every change inside the page (a section, a table's
        // rows, a chart drawn again) then painted the whole viewport into the cache again (most of the renderer's time
        // while the page opened). Uncached, a change repaints its own region; scrolling measured the same.
        root.skinProperty().addListener((o, old, skin) -> {
            javafx.scene.Node viewport = root.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
        root.setId("page-analytics");
        root.getStyleClass().addAll("analytics-page", "page-scroll");
    }

    public Parent root() {
        return root;
    }

    private void showRewards(RewardPlot plot) {
        rewardCharts.getChildren().clear();
        if (plot == null) {
            return;
        }
        boolean both = plot.lanes().size() > 1;
        for (RewardPlot.Strategy strategy : RewardPlot.Strategy.values()) {
            RewardPlot.Lane lane = plot.lanes().get(strategy);
            if (lane == null) {
                continue;
            }
            RewardChart chart = new RewardChart();
            chart.setId("reward-chart-" + strategy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            chart.setPrefHeight(300);
            chart.setOffThread(vm::offThread);
            chart.show(lane, plot.baseline(), plot.formerBaseline(), plot.direction());
            chart.setOnOpen(vm::open);
            VBox box = new VBox(4);
            if (both) {
                Label title = new Label(strategy == RewardPlot.Strategy.EVOLVE ? "Evolve" : "Best of n");
                title.getStyleClass().add("chart-note");
                box.getChildren().add(title);
            }
            box.getChildren().add(chart);
            VBox.setVgrow(chart, Priority.ALWAYS);
            HBox.setHgrow(box, Priority.ALWAYS);
            rewardCharts.getChildren().add(box);
        }
        if (rewardCharts.getChildren().isEmpty()) {
            Label none = new Label("No run of an idea has finished yet.");
            none.getStyleClass().add("chart-note");
            rewardCharts.getChildren().add(none);
        }
        firstFrames.styleNow(rewardCharts); // a study read again: see FirstFrames.styleNow
    }

    /** The leaderboard, whose selected runs' curves are overlaid beside or below it. */
    private VBox leaderboardBox() {
        leaderboard.setId("analytics-leaderboard");
        leaderboard.setPlaceholder("No idea has a reward yet.");
        leaderboard.column(number("#", row -> String.valueOf(row.rank()), 36))
                // The whole title, cut to the column: the board is wider than its 190 px where the curves go below it.
                .column(text("Idea", row -> IdeaLabels.whole(row.ideaId(), row.title()), 190))
                .column(number("Reward", row -> decimal(row.reward()), 72))
                .column(number("Δ parent", row -> AnalyticsViewModel.signed(row.vsParent()), 76))
                .column(number("Δ baseline", row -> AnalyticsViewModel.signed(row.vsBaseline()), 84))
                .column(number("Epoch", row -> String.valueOf(row.epoch()), 52))
                .column(text("Origin", row -> row.origin().label(), 64))
                .column(number("LLM", row -> usd(row.llmUsd()), 70))
                .column(number("GPU h", row -> hours(row.gpuHours()), 56));
        leaderboard.setFillColumn(1);
        leaderboard.setLinkColumn(1, Leaderboard.Row::title);
        leaderboard.setOnOpen(row -> vm.open(row.ideaId()));
        leaderboard.setShownRows(5, 11);
        leaderboard.selectedItems().addListener((ListChangeListener<Leaderboard.Row>) change -> {
            if (!syncing) {
                vm.pick(leaderboard.selectedItems().stream().map(Leaderboard.Row::runId).toList());
            }
        });
        vm.picked().addListener((ListChangeListener<Long>) change -> selectPicked());
        vm.leaderboard().addListener((ListChangeListener<Leaderboard.Row>) change -> showBoard());
        showBoard();
        VBox board = sectionWithAction("Leaderboard", exportButton(AnalyticsViewModel.Table.LEADERBOARD, null), leaderboard);
        Label hint = new Label("Select runs to overlay their curves; click an idea to open it on the Lineage page.");
        hint.getStyleClass().add("chart-note");
        board.getChildren().add(hint);
        board.setPrefWidth(leaderboard.fullWidth());
        board.setMinWidth(300);
        return board;
    }

    /** The study's rows on the leaderboard, the picked runs selected. */
    private void showBoard() {
        syncing = true;
        leaderboard.setRows(vm.leaderboard());
        syncing = false;
        selectPicked();
    }

    /** The training curves of the runs selected on the leaderboard, with their metric, scale and smoothing. */
    private VBox curvesBox() {

        // Choice boxes, not combo boxes: a combo box measured for its width restyles its list's cells after the frame's
        // CSS pass, and the frame after repainted the whole window (the Lineage pickers have a fixed width instead).
        ChoiceBox<String> metric = new ChoiceBox<>(vm.metrics());
        metric.setId("analytics-metric");
        // Not bound both ways: the choice box clears its value while its items are replaced, and the page would lose
        // the metric shown (and read a null one) each time the study is read again.
        metric.setValue(vm.metricProperty().get());
        vm.metricProperty().addListener((o, old, now) -> metric.setValue(now));
        metric.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                vm.metricProperty().set(now);
            }
        });
        ChoiceBox<String> second = secondMetricBox();
        HBox metrics = new HBox(6, metric, new Label("with"), second);
        metrics.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        CheckBox log = new CheckBox("log scale");
        log.setId("analytics-log");
        curves.logYProperty().bind(log.selectedProperty());
        CheckBox wall = new CheckBox("wall time");
        wall.selectedProperty().bindBidirectional(vm.wallTimeProperty());
        Slider smoothing = new Slider(0, 0.99, 0.6);
        smoothing.setPrefWidth(110);
        curves.smoothingProperty().bind(smoothing.valueProperty());
        Label smoothingLabel = new Label("smoothing");
        javafx.scene.control.Button export = new javafx.scene.control.Button("Export");
        export.setId("analytics-export");
        export.setTooltip(new Tooltip("Save the chart as PNG and SVG and its points as CSV in the study's"
                + " exports folder"));
        export.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.curvesProperty().get().isEmpty(), vm.curvesProperty()));
        export.setOnAction(event -> vm.curvesExport().ifPresent(base ->
                vm.exportCurves(base, figure(curves))));
        curveTools = List.of(metrics, log, wall, new HBox(6, smoothingLabel, smoothing), export);
        curveControls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        curveControls.setMinHeight(metric.prefHeight(-1));
        curves.setId("analytics-curves");
        curves.setPrefHeight(340);
        curves.yLabelProperty().bind(vm.metricProperty());
        curves.secondLabelProperty().bind(vm.secondMetricProperty());
        curves.xLabelProperty().bind(javafx.beans.binding.Bindings.when(vm.wallTimeProperty()).then("seconds").otherwise("step"));
        vm.curvesProperty().addListener(o -> showCurves());
        vm.wallTimeProperty().addListener(o -> showCurves());
        VBox curvesBox = section("Training curves", curveControls, curves);
        VBox.setVgrow(curves, Priority.ALWAYS);
        curvesBox.setMinWidth(300);
        curvesBox.setPrefWidth(560);
        return curvesBox;
    }

    /**
     * A second metric to draw with the first, dotted in each run's colour (train loss with val loss): any of the
     * study's metrics but the one shown, or none.
     */
    private ChoiceBox<String> secondMetricBox() {
        ChoiceBox<String> second = new ChoiceBox<>();
        second.setId("analytics-second-metric");
        second.setTooltip(new Tooltip("A second metric drawn with the first, dotted in each run's colour"));
        second.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null || name.isEmpty() ? "none" : name;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        Runnable offer = () -> {
            List<String> others = new java.util.ArrayList<>(List.of(""));
            vm.metrics().stream().filter(name -> !name.equals(vm.metricProperty().get())).forEach(others::add);
            String chosen = vm.secondMetricProperty().get();
            second.getItems().setAll(others);
            // Replacing the items clears the value; the chosen metric stays unless it is the one shown now.
            second.setValue(others.contains(chosen) ? chosen : "");
        };
        vm.metrics().addListener((ListChangeListener<String>) change -> offer.run());
        vm.metricProperty().addListener(o -> offer.run());
        vm.secondMetricProperty().addListener((o, old, now) -> second.setValue(now == null ? "" : now));
        second.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                vm.secondMetricProperty().set(now);
            }
        });
        offer.run();
        return second;
    }

    private void showCurves() {
        boolean wall = vm.wallTimeProperty().get();
        curves.setCurves(vm.curvesProperty().get().stream()
                .map(c -> new CurveChart.Curve(c.name(), wall ? c.seconds() : c.steps(), c.values(), c.reference(),
                        c.second()))
                .toList());
    }

    private void selectPicked() {
        java.util.Set<Long> shown = new java.util.HashSet<>();
        leaderboard.selectedItems().forEach(row -> shown.add(row.runId()));
        if (shown.equals(new java.util.HashSet<>(vm.picked()))) {
            return; // the table's own selection, just handed to the view model
        }
        List<Leaderboard.Row> rows = leaderboard.rows();
        syncing = true;
        leaderboard.select(java.util.stream.IntStream.range(0, rows.size())
                .filter(i -> vm.picked().contains(rows.get(i).runId())).boxed().toList());
        syncing = false;
    }

    private DrawnTable<EpochHealth> healthTable() {
        DrawnTable<EpochHealth> table = new DrawnTable<>(26);
        table.setId("analytics-health");
        table.setPlaceholder("No epoch has run yet.");
        table.column(number("Epoch", epoch -> String.valueOf(epoch.epoch()), 52))
                .column(number("Proposed", epoch -> String.valueOf(epoch.proposed()), 74))
                .column(number("Implemented", epoch -> String.valueOf(epoch.implemented()), 92))
                .column(number("Ran", epoch -> String.valueOf(epoch.ran()), 48))
                .column(number("Succeeded", epoch -> String.valueOf(epoch.succeeded()), 80))
                .column(text("Failures", AnalyticsViewModel::failures, 220))
                .column(number("LLM", epoch -> usd(epoch.llmUsd()), 70))
                .column(number("GPU h", epoch -> hours(epoch.gpuHours()), 60))
                .column(number("Best so far", epoch -> epoch.bestSoFar() == null ? "—" : decimal(epoch.bestSoFar()), 86))
                .column(number("Gain / $", epoch -> AnalyticsViewModel.optional(epoch.gainPerUsd()), 76))
                .column(number("Gain / GPU h", epoch -> AnalyticsViewModel.optional(epoch.gainPerGpuHour()), 92));
        table.setFillColumn(5);
        vm.health().addListener((ListChangeListener<EpochHealth>) change -> table.setRows(vm.health()));
        table.setRows(vm.health());
        table.setShownRows(3, 11);
        return table;
    }

    /** The chart as it is drawn now, as PNG and as an SVG figure. */
    private static dev.groundwork.views.common.Picture figure(javafx.scene.Node chart) {
        dev.groundwork.views.charts.SvgFigure figure = dev.groundwork.views.charts.SvgFigure.of(chart);
        return dev.groundwork.views.common.Picture.of(chart, figure == null ? null : figure::svg);
    }

    /**
     * Export beside a section's title: its data as CSV, and the chart's picture as PNG and SVG when {@code chart} is
     * given (a table's picture would show only the rows in view).
     */

    private javafx.scene.control.Button exportButton(AnalyticsViewModel.Table table, javafx.scene.Node chart) {
        javafx.scene.control.Button export = new javafx.scene.control.Button(chart == null ? "Export CSV" : "Export");
        export.setId("analytics-export-" + table.name().toLowerCase(java.util.Locale.ROOT));
        export.setTooltip(new Tooltip(chart == null ? "Save every row as CSV in the study's exports folder"
                : "Save the chart as PNG and SVG and its points as CSV in the study's exports folder"));
        export.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.exportBase(table).isEmpty(), vm.rewardsProperty(), vm.leaderboard(), vm.health()));
        export.setOnAction(event -> vm.exportBase(table).ifPresent(base ->
                vm.exportTable(table, base, chart == null ? null : figure(chart))));
        return export;
    }

    /** A section whose title has an action at its right end. */
    private static VBox sectionWithAction(String title, javafx.scene.control.Button action, javafx.scene.Node... content) {
        VBox box = section(title, content);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, box.getChildren().getFirst(), spacer, action);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getChildren().addFirst(header);
        return box;
    }

    private static VBox section(String title, javafx.scene.Node... content) {
        Label label = new Label(title);
        label.getStyleClass().add("chart-title");
        VBox box = new VBox(6, label);
        box.getChildren().addAll(content);
        return box;
    }
}
