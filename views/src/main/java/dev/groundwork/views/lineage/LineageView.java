package dev.groundwork.views.lineage;

import dev.groundwork.views.ideas.IdeaGenerationDialogs;
import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.views.charts.CurveChart;
import dev.groundwork.views.charts.LineageCanvas;
import dev.groundwork.views.common.EarlyLayout;
import dev.groundwork.views.common.FirstFrames;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.review.diff.SideBySide;
import dev.groundwork.views.review.diff.SideBySideDiffView;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Lineage page: the tree on a canvas, and beside it the selected idea (its reward, what it gained, who approved it)
 * with its code compared, read-only, with its parent's or an ancestor's.
 */
public final class LineageView {

    /**
     * The pickers' width, fixed: measured, a combo box restyles its list's cells to find its width, in the frame's
     * layout pass, after its CSS pass; each selection then ended its frame with the window's root still to style, and
     * the next frame repainted the whole window (docs/performance-history.md). Its list is as wide as it needs.
     */
    private static final double PICKER_WIDTH = 200;

    private final LineageViewModel vm;
    private final BorderPane root = new BorderPane();
    /**
     * The side panel's sections, a step per frame the first time the page is shown: in the same frame as the tree and
     * the header, their first styling and layout (two combo boxes, a chart) held the FX thread 55-80 ms.
     */
    private final FirstFrames firstFrames = new FirstFrames(root);
    private final LineageCanvas canvas = new LineageCanvas();
    private final VBox details = new VBox(4);
    private final ComboBox<SideBySide> file = new ComboBox<>();
    private final StackPane diff = new StackPane();
    private final Label diffMessage = new Label();
    private final ComboBox<Long> compareWith = new ComboBox<>();
    /** The selected idea's training curve over the curve of the node it is compared with (its parent by default). */
    private final CurveChart curve = new CurveChart();

    public LineageView(LineageViewModel vm) {
        this.vm = vm;
        root.setId("page-lineage");
        root.getStyleClass().addAll("page", "lineage-page");

        Label title = new Label(vm.page().title());
        title.getStyleClass().add("page-title");
        Label description = new Label(vm.page().description());
        description.getStyleClass().add("page-description");
        description.setWrapText(true);
        Label notice = new Label();
        notice.getStyleClass().add("page-notice");
        notice.textProperty().bind(javafx.beans.binding.Bindings.when(vm.messageProperty().isEmpty())
                .then(vm.page().noticeProperty()).otherwise(vm.messageProperty()));
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        TextField search = new TextField();
        search.setId("lineage-search");
        search.setPromptText("Find an idea");
        search.setOnAction(event -> {
            if (vm.search(search.getText())) {
                canvas.requestFocus();
            }
        });
        Button fit = new Button("Fit");
        fit.setId("lineage-fit");
        fit.setMinWidth(Region.USE_PREF_SIZE);
        search.setMinWidth(140);
        fit.setOnAction(event -> canvas.fitAgain());
        Button breed = new Button("Breed…");
        breed.setId("lineage-breed");
        breed.setMinWidth(Region.USE_PREF_SIZE);
        breed.disableProperty().bind(vm.breeding().canBreedProperty().not());
        breed.setTooltip(new javafx.scene.control.Tooltip("Breed new ideas from the chosen ideas: click one, Ctrl+click or"
                + " Shift+click to choose more"));
        Button export = new Button("Export");
        export.setId("lineage-export");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.setTooltip(new javafx.scene.control.Tooltip("Save the tree as drawn now as PNG and every idea in it (parents,"
                + " reward, best path, approval) as CSV in the study's exports folder"));
        export.disableProperty().bind(vm.graphProperty().isNull());
        export.setOnAction(event -> vm.exportBase().ifPresent(base ->
                vm.exportTree(base, dev.groundwork.views.common.Picture.of(canvas))));
        IdeaGenerationDialogs dialogs = new IdeaGenerationDialogs(vm.breeding());
        breed.setOnAction(event -> dialogs.openBreed(root.getScene()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, new VBox(4, title, description, notice), spacer, search, fit, breed, export);
        header.setAlignment(Pos.TOP_LEFT);
        root.setTop(header);

        canvas.setId("lineage-canvas");
        canvas.setOffThread(vm::offThread);
        // Narrower, the side panel's text squeezed the tree to a sliver and its legend could not be read.
        canvas.setMinWidth(300);
        canvas.selectedProperty().bindBidirectional(vm.selectedProperty());
        javafx.beans.binding.Bindings.bindContentBidirectional(canvas.chosen(), vm.chosen());
        vm.graphProperty().addListener((o, old, graph) -> {
            if (graph != null) {
                canvas.show(graph);
            }
        });
        if (vm.graphProperty().get() != null) {
            canvas.show(vm.graphProperty().get());
        }
        SplitPane split = new SplitPane(canvas, sidePanel());
        split.setDividerPositions(0.58);
        BorderPane.setMargin(split, new javafx.geometry.Insets(12, 0, 0, 0));
        root.setCenter(split);
        vm.selectedProperty().addListener(o -> showDetails());
        vm.graphProperty().addListener(o -> showDetails());
        showDetails();
    }

    public Parent root() {
        return root;
    }

    /** The tree's canvas (tests find nodes on it). */
    public LineageCanvas canvas() {
        return canvas;
    }

    private VBox sidePanel() {
        details.setId("lineage-details");
        compareWith.setId("lineage-compare");
        compareWith.setItems(vm.ancestors());
        compareWith.valueProperty().bindBidirectional(vm.compareWithProperty());
        compareWith.setCellFactory(list -> named());
        compareWith.setButtonCell(named());
        compareWith.setPrefWidth(PICKER_WIDTH);
        file.setId("lineage-file");
        file.setItems(vm.files());
        file.setCellFactory(list -> path());
        file.setButtonCell(path());
        file.setPrefWidth(PICKER_WIDTH);
        file.valueProperty().addListener((o, old, shown) -> showDiff(shown));
        vm.files().addListener((ListChangeListener<SideBySide>) change -> {
            if (vm.files().isEmpty()) {
                showDiff(null);
            } else {
                file.getSelectionModel().selectFirst();
            }
        });
        diffMessage.getStyleClass().add("page-description");
        diffMessage.setWrapText(true);
        diffMessage.textProperty().bind(vm.diffMessageProperty());
        diff.setId("lineage-diff");
        diff.getChildren().setAll(diffMessage);
        Label fileLabel = new Label("file");
        // No file to pick where the idea has no code yet (it could not be implemented): an empty picker read as broken.
        javafx.beans.binding.BooleanBinding anyFile = javafx.beans.binding.Bindings.isNotEmpty(vm.files());
        for (javafx.scene.Node node : java.util.List.of(fileLabel, file)) {
            node.visibleProperty().bind(anyFile);
            node.managedProperty().bind(anyFile);
        }
        javafx.scene.layout.FlowPane compare = new javafx.scene.layout.FlowPane(8, 6, new Label("Compared with"), compareWith,
                fileLabel, file);
        compare.setAlignment(Pos.CENTER_LEFT);
        compare.visibleProperty().bind(vm.selectedProperty().isNotNull());
        compare.managedProperty().bind(compare.visibleProperty());
        curve.setId("lineage-curve");
        curve.setPrefHeight(170);
        // Not squeezed in a short window: below this its legend (two rows in a narrow panel) ran out of the chart. The
        // diff under it scrolls and gives way instead.
        curve.setMinHeight(170);
        curve.yLabelProperty().bind(vm.curveMetricProperty());
        curve.xLabelProperty().set("step");
        curve.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.curvesProperty().get().isEmpty(), vm.curvesProperty()));
        curve.managedProperty().bind(curve.visibleProperty());
        vm.curvesProperty().addListener((o, old, shown) -> curve.setCurves(shown.stream()
                .map(c -> new CurveChart.Curve(c.name(), c.steps(), c.values(), c.reference())).toList()));
        VBox panel = new VBox(10);
        // A selection gives the panel new details and the diff new lines, laid out at the sizes the panel gives them:
        // see EarlyLayout.
        EarlyLayout.of(root, panel);
        firstFrames.add(panel, details);
        firstFrames.add(panel, curve);
        firstFrames.add(panel, compare);
        firstFrames.add(panel, diff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        // Narrow enough that in a small window the tree keeps its share (the divider's 58%) instead of the panel's
        // minimum taking it: at 320 both sat at their minimums below a 1000-pixel window.
        panel.setMinWidth(240);
        panel.setPadding(new javafx.geometry.Insets(0, 0, 0, 12));
        return panel;
    }

    private void showDiff(SideBySide shown) {
        if (shown == null) {
            diff.getChildren().setAll(diffMessage);
            return;
        }
        SideBySideDiffView view = new SideBySideDiffView(shown, vm.highlighting(), new FxUiThread());
        view.rightEditableProperty().set(false);
        diff.getChildren().setAll(view.root());
        firstFrames.styleNow(view.root());
    }

    private void showDetails() {
        details.getChildren().clear();
        java.util.List<String> lines = vm.details();
        if (lines.isEmpty()) {
            Label hint = new Label(vm.graphProperty().get() == null ? "" : "Click an idea to see what it changed and what"
                    + " it gained. Scroll to zoom, drag to pan, F to fit; \u2190 parent, \u2192 child, \u2191\u2193 siblings."
                    + " To breed, choose ideas with Ctrl+click or Space, then Breed\u2026");
            hint.getStyleClass().add("page-description");
            hint.setWrapText(true);
            details.getChildren().add(hint);
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            Label line = new Label(lines.get(i));
            line.setWrapText(true);
            line.getStyleClass().add(i == 0 ? "chart-title" : "chart-note");
            details.getChildren().add(line);
        }
        // Styled now, not in the frame's CSS pass: see FirstFrames.styleNow (a whole-window repaint after each click).
        firstFrames.styleNow(details);
    }

    private ListCell<Long> named() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Long id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? "" : id == LineageGraph.BASELINE ? "the baseline" : vm.name(id));
            }
        };
    }

    private static ListCell<SideBySide> path() {
        return new ListCell<>() {
            @Override
            protected void updateItem(SideBySide shown, boolean empty) {
                super.updateItem(shown, empty);
                setText(empty || shown == null ? "" : shown.path());
            }
        };
    }
}
