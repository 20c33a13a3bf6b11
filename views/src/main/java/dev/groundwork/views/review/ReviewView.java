package dev.groundwork.views.review;

import dev.groundwork.model.review.PatchReview;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.StatusPageView;
import dev.groundwork.views.review.diff.SideBySide;
import dev.groundwork.views.review.diff.SideBySideDiffView;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Review page: the page's numbers when nothing waits; otherwise the queue on the left, the selected patch's files
 * side by side (the right side editable), and approve / reject with a comment. Keyboard: j/k hunks, n/p files, e edit,
 * Ctrl+S save the edit, a approve, r reject, ? the keys.
 */
public final class ReviewView {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final ReviewQueueViewModel queue;
    private final BorderPane root = new BorderPane();
    private final StackPane diffPane = new StackPane();
    private SideBySideDiffView diffView;

    public ReviewView(ReviewViewModel vm) {
        this.queue = vm.queue();
        Parent overview = new StatusPageView(vm.page(), "review-overview").root();
        BorderPane review = review();
        root.setId("page-review");
        root.setCenter(overview);
        queue.waiting().addListener((InvalidationListener) o ->
                root.setCenter(queue.waiting().isEmpty() ? overview : review));
        queue.selectedFileProperty().addListener((property, old, file) -> show(file));
        root.addEventFilter(KeyEvent.KEY_TYPED, this::onKey);
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (SAVE.match(event)) {
                saveEdit();
                event.consume();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private BorderPane review() {
        ListView<PatchReview.Item> list = new ListView<>(queue.waiting());
        list.setId("review-queue");
        list.setPrefWidth(280);
        list.setCellFactory(view -> new ItemCell());
        list.getSelectionModel().selectedItemProperty().addListener((property, old, item) -> {
            if (item != null) {
                queue.selectedProperty().set(item);
            }
        });
        queue.selectedProperty().addListener((property, old, item) -> list.getSelectionModel().select(item));

        ComboBox<PatchReview.FileChange> files = new ComboBox<>(queue.files());
        files.setId("review-files");
        files.valueProperty().bindBidirectional(queue.selectedFileProperty());
        files.setCellFactory(view -> new FileCell());
        files.setButtonCell(new FileCell());
        Label keys = new Label("j/k hunks · n/p files · a approve · r reject · ? keys");
        keys.getStyleClass().add("page-description");
        HBox fileBar = new HBox(12, files, keys);
        fileBar.setPadding(new Insets(0, 0, 8, 0));

        diffPane.setId("review-diff");
        VBox.setVgrow(diffPane, Priority.ALWAYS);
        VBox center = new VBox(fileBar, diffPane);
        center.setPadding(new Insets(0, 0, 0, 12));

        TextField comment = new TextField();
        comment.setId("review-comment");
        comment.setPromptText("Comment: the reason for a rejection, or what a regenerated patch should do differently");
        comment.textProperty().bindBidirectional(queue.commentProperty());
        HBox.setHgrow(comment, Priority.ALWAYS);
        Button approve = new Button("Approve (a)");
        approve.setId("review-approve");
        approve.setDefaultButton(true);
        approve.disableProperty().bind(queue.canDecideProperty().not());
        approve.setOnAction(event -> queue.approve());
        Button save = new Button("Save edit (Ctrl+S)");
        save.setId("review-save-edit");
        save.disableProperty().bind(queue.selectedFileProperty().isNull().or(queue.canDecideProperty().not()));
        save.setOnAction(event -> saveEdit());
        Button regenerate = new Button("Regenerate (g)");
        regenerate.setId("review-regenerate");
        regenerate.disableProperty().bind(queue.canDecideProperty().not());
        regenerate.setOnAction(event -> queue.regenerate());
        Button reject = new Button("Reject (r)");
        reject.setId("review-reject");
        reject.disableProperty().bind(queue.canDecideProperty().not());
        reject.setOnAction(event -> queue.reject());
        Label message = new Label();
        message.setId("review-message");
        message.textProperty().bind(queue.messageProperty());
        HBox actions = new HBox(8, comment, save, regenerate, approve, reject);
        VBox bottom = new VBox(6, actions, message);
        bottom.setPadding(new Insets(10, 0, 0, 0));

        Label title = new Label();
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.size(queue.waiting()).asString("Review · %d waiting"));

        BorderPane pane = new BorderPane(center, title, null, bottom, list);
        pane.getStyleClass().add("page");
        BorderPane.setMargin(title, new Insets(0, 0, 12, 0));
        return pane;
    }

    private void show(PatchReview.FileChange file) {
        if (file == null) {
            diffView = null;
            diffPane.getChildren().clear();
            return;
        }
        diffView = new SideBySideDiffView(SideBySide.of(file.path(), file.before(), file.after()), ForkJoinPool.commonPool(),
                new FxUiThread());
        diffPane.getChildren().setAll(diffView.root());
    }

    /** Submits the right side as it is now; an unchanged file is answered with a sentence, not a new attempt. */
    private void saveEdit() {
        if (diffView != null) {
            queue.saveEdit(diffView.rightText());
        }
    }

    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl input && input.isEditable()) {
            return; // typing a comment, or editing the patch
        }
        Optional<SideBySideDiffView> diff = Optional.ofNullable(diffView);
        switch (event.getCharacter()) {
            case "j" -> diff.ifPresent(SideBySideDiffView::nextHunk);
            case "k" -> diff.ifPresent(SideBySideDiffView::previousHunk);
            case "n" -> queue.nextFile(1);
            case "p" -> queue.nextFile(-1);
            case "e" -> diffPane.lookupAll(".diff-right").stream().findFirst().ifPresent(Node::requestFocus);
            case "a" -> queue.approve();
            case "r" -> queue.reject();
            case "g" -> queue.regenerate();
            case "?" -> cheatSheet();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void cheatSheet() {
        Alert sheet = new Alert(Alert.AlertType.INFORMATION, String.join("\n", ReviewQueueViewModel.keys()));
        sheet.setHeaderText("Review keys");
        sheet.setTitle("Review keys");
        if (root.getScene() != null) {
            sheet.initOwner(root.getScene().getWindow());
        }
        sheet.show();
    }

    /** "#12  Cosine LR" over "epoch 1 · attempt 2 · llm:gpt-4o". */
    private static final class ItemCell extends ListCell<PatchReview.Item> {
        @Override
        protected void updateItem(PatchReview.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label("#" + item.patchId() + "  " + item.ideaTitle());
            title.setWrapText(true);
            title.setMaxWidth(240);
            Label detail = new Label("epoch " + item.epoch() + " · attempt " + item.attempt() + " · " + item.author());
            detail.getStyleClass().add("fact-detail");
            setGraphic(new VBox(2, title, detail));
            setText(null);
        }
    }

    private static final class FileCell extends ListCell<PatchReview.FileChange> {
        @Override
        protected void updateItem(PatchReview.FileChange file, boolean empty) {
            super.updateItem(file, empty);
            setText(empty || file == null ? null : file.path());
        }
    }
}
