package dev.groundwork.views.review;

import dev.groundwork.model.review.PatchReview;
import dev.groundwork.views.review.ReviewQueueViewModel.Showing;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/**
 * The Review page's left column: Waiting | Decided, the list shown, and the attempts at the shown patch's idea with the
 * two picked for comparison.
 */
final class ReviewSidebar {

    private static final double WIDTH = 260;

    private final ReviewQueueViewModel queue;
    private final VBox root;
    private ListView<PatchReview.Item> waitingList;
    private ListView<PatchReview.Decided> decidedList;

    ReviewSidebar(ReviewQueueViewModel queue) {
        this.queue = queue;
        StackPane lists = lists();
        VBox.setVgrow(lists, Priority.ALWAYS);
        root = new VBox(8, toggle(), lists, attempts());
        root.setId("review-sidebar");
        root.setPrefWidth(WIDTH);
        root.setMinWidth(WIDTH);
        root.setPadding(new Insets(0, 12, 0, 0));
    }

    Parent root() {
        return root;
    }

    /** Puts the keyboard focus on the list shown, where the page's keys act. */
    void focusList() {
        (queue.showingProperty().get() == Showing.WAITING ? waitingList : decidedList).requestFocus();
    }

    private SegmentedButton toggle() {
        ToggleButton waiting = new ToggleButton();
        waiting.setId("review-show-waiting");
        waiting.textProperty().bind(Bindings.size(queue.waiting()).asString("Waiting (%d)"));
        ToggleButton decided = new ToggleButton();
        decided.setId("review-show-decided");
        decided.textProperty().bind(Bindings.size(queue.history().decided()).asString("Decided (%d)"));
        SegmentedButton toggle = new SegmentedButton(waiting, decided);
        toggle.setId("review-lists");
        // The view model decides which list shows; a click asks it to switch, and the buttons follow what it shows.
        Runnable follow = () -> (queue.showingProperty().get() == Showing.WAITING ? waiting : decided).setSelected(true);
        for (ToggleButton button : List.of(waiting, decided)) {
            button.setOnAction(event -> {
                if ((button == waiting) != (queue.showingProperty().get() == Showing.WAITING)) {
                    queue.toggleShowing();
                }
                follow.run();
            });
        }
        queue.showingProperty().addListener(o -> follow.run());
        follow.run();
        return toggle;
    }

    private StackPane lists() {
        ListView<PatchReview.Item> waiting = new ListView<>(queue.waiting());
        waitingList = waiting;
        waiting.setId("review-queue");
        waiting.setCellFactory(view -> new ReviewCells.Waiting());
        waiting.setPlaceholder(placeholder("Nothing waits for review."));
        sync(waiting, queue.selectedProperty());
        waiting.visibleProperty().bind(queue.showingProperty().isEqualTo(Showing.WAITING));

        ListView<PatchReview.Decided> decided = new ListView<>(queue.history().decided());
        decidedList = decided;
        decided.setId("review-history");
        decided.setCellFactory(view -> new ReviewCells.Decided(queue.history()));
        decided.setPlaceholder(placeholder("No patch has been decided yet."));
        sync(decided, queue.history().selectedProperty());
        decided.visibleProperty().bind(queue.showingProperty().isEqualTo(Showing.DECIDED));
        // The list that hides may hold the focus, which would then leave the page and its keys with it.
        queue.showingProperty().addListener((property, old, showing) -> {
            ListView<?> shown = showing == Showing.WAITING ? waiting : decided;
            if (shown.getScene() != null && !(shown.getScene().getFocusOwner() instanceof TextInputControl)) {
                shown.requestFocus();
            }
        });
        return new StackPane(waiting, decided);
    }

    /** The list's selection and the view model's, each following the other. */
    private static <T> void sync(ListView<T> list, ObjectProperty<T> selected) {
        list.getSelectionModel().selectedItemProperty().addListener((property, old, item) -> {
            if (item != null) {
                selected.set(item);
            }
        });
        selected.addListener((property, old, item) -> {
            list.getSelectionModel().select(item);
            if (item != null) {
                list.scrollTo(item);
            }
        });
    }

    private VBox attempts() {
        ReviewAttemptsViewModel attempts = queue.attempts();
        Label title = new Label("Attempts at this idea");
        title.getStyleClass().add("fact-label");
        ListView<PatchReview.Attempt> list = new ListView<>(attempts.attempts());
        list.setId("review-attempts");
        list.setCellFactory(view -> new ReviewCells.Attempt());
        list.setPrefHeight(140);
        list.setMinHeight(120);
        list.setFocusTraversable(false);
        list.setPlaceholder(placeholder("Select a patch to see its idea's attempts."));

        ComboBox<PatchReview.Attempt> first = picker(attempts, "review-compare-first");
        first.valueProperty().bindBidirectional(attempts.firstProperty());
        ComboBox<PatchReview.Attempt> second = picker(attempts, "review-compare-second");
        second.valueProperty().bindBidirectional(attempts.secondProperty());
        Button compare = new Button();
        compare.setId("review-compare");
        compare.textProperty().bind(Bindings.when(queue.comparingProperty()).then("Back to the patch (c)").otherwise("Compare (c)"));
        compare.disableProperty().bind(Bindings.size(attempts.comparable()).lessThan(2));
        compare.setMaxWidth(Double.MAX_VALUE);
        compare.setOnAction(event -> queue.compare());
        HBox pickers = new HBox(6, first, second);
        pickers.setAlignment(Pos.CENTER_LEFT);
        BooleanBinding twoApplied = Bindings.size(attempts.comparable()).greaterThanOrEqualTo(2);
        pickers.visibleProperty().bind(twoApplied);
        pickers.managedProperty().bind(twoApplied);
        VBox box = new VBox(6, title, list, pickers, compare);
        box.setId("review-attempts-box");
        return box;
    }

    private static ComboBox<PatchReview.Attempt> picker(ReviewAttemptsViewModel attempts, String id) {
        ComboBox<PatchReview.Attempt> picker = new ComboBox<>(attempts.comparable());
        picker.setId(id);
        picker.setCellFactory(view -> new ReviewCells.AttemptChoice(true));
        picker.setButtonCell(new ReviewCells.AttemptChoice(false));
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setMinWidth(0);
        HBox.setHgrow(picker, Priority.ALWAYS);
        picker.setFocusTraversable(false);
        picker.setPromptText(id.endsWith("first") ? "left" : "right");
        picker.setTooltip(new Tooltip(id.endsWith("first") ? "The attempt shown on the left" : "The attempt shown on the right"));
        return picker;
    }

    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("page-description");
        return label;
    }
}
