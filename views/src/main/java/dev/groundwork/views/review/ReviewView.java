package dev.groundwork.views.review;

import dev.groundwork.model.review.PatchReview;
import dev.groundwork.views.common.StatusPageView;
import dev.groundwork.views.review.ReviewQueueViewModel.Showing;
import dev.groundwork.views.review.diff.SideBySideDiffView;
import java.net.URL;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * The Review page: the page's numbers until a patch reaches the gate; then the waiting and decided patches on the left
 * with the attempts at the shown patch's idea, its files side by side (the right side editable while it waits, or two
 * attempts against each other), and approve / reject / regenerate with a comment. Keyboard: j/k hunks, n/p files,
 * e edit, Ctrl+S save the edit, a approve, r reject (asks for the reason: Enter rejects, Esc cancels), g regenerate,
 * c compare attempts, h waiting / decided, i the idea's text, q the list of patches, ? the keys.
 */
public final class ReviewView {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass REJECTING = PseudoClass.getPseudoClass("rejecting");

    private final ReviewQueueViewModel queue;
    private final BorderPane root = new BorderPane();
    private final ReviewDiffPane diff;
    private final TextField comment = new TextField();
    private final TitledPane idea = new TitledPane();
    private final ReviewSidebar sidebar;

    public ReviewView(ReviewViewModel vm) {
        this.queue = vm.queue();
        this.diff = new ReviewDiffPane(queue.shownFiles(), queue.canEditProperty(), queue.shownFiles().highlighting());
        this.sidebar = new ReviewSidebar(queue);
        Parent overview = new StatusPageView(vm.page(), "review-overview").root();
        BorderPane review = review();
        root.setId("page-review");
        root.getStylesheets().add(stylesheet());
        root.setCenter(overview);
        InvalidationListener anyPatch = o -> root.setCenter(
                queue.waiting().isEmpty() && queue.history().decided().isEmpty() ? overview : review);
        queue.waiting().addListener(anyPatch);
        queue.history().decided().addListener(anyPatch);
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
        Label title = new Label();
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> "Review · " + queue.waiting().size() + " waiting · "
                + queue.history().decided().size() + " decided", queue.waiting(), queue.history().decided()));
        BorderPane pane = new BorderPane(center(), title, null, bottom(), sidebar.root());
        showWhen(sidebar.root(), queue.queueHiddenProperty().not());
        // The list that hides may hold the focus, which would leave the page and its keys with it.
        queue.queueHiddenProperty().addListener((property, was, hidden) -> {
            if (hidden && sidebar.root().getScene() != null
                    && isInside(sidebar.root().getScene().getFocusOwner(), sidebar.root())) {
                pane.requestFocus();
            }
        });
        pane.getStyleClass().add("page");
        BorderPane.setMargin(title, new Insets(0, 0, 12, 0));
        return pane;
    }

    private VBox center() {
        ComboBox<PatchReview.FileChange> files = new ComboBox<>(queue.files());
        files.setId("review-files");
        files.valueProperty().bindBidirectional(queue.selectedFileProperty());
        files.setCellFactory(view -> new ReviewCells.File());
        files.setButtonCell(new ReviewCells.File());
        files.setFocusTraversable(false);
        files.setMinWidth(Region.USE_PREF_SIZE);
        files.setPrefWidth(160);
        files.visibleProperty().bind(Bindings.isNotEmpty(queue.files()));
        Button queueToggle = new Button();
        queueToggle.setId("review-toggle-queue");
        queueToggle.textProperty().bind(Bindings.when(queue.queueHiddenProperty()).then("Show queue (q)")
                .otherwise("Hide queue (q)"));
        queueToggle.setFocusTraversable(false);
        queueToggle.setMinWidth(Region.USE_PREF_SIZE);
        queueToggle.setOnAction(event -> queue.toggleQueue());
        Label keys = new Label("j/k hunks · n/p files · a approve · r reject · c compare · h history · i idea · ? keys");
        keys.getStyleClass().add("page-description");
        keys.setMinWidth(0);
        HBox fileBar = new HBox(12, queueToggle, files, keys);
        fileBar.setAlignment(Pos.CENTER_LEFT);
        fileBar.setPadding(new Insets(0, 0, 8, 0));
        // What the two sides are when they are not the patch against its base: two attempts.
        Label caption = new Label();
        caption.setId("review-caption");
        caption.getStyleClass().add("fact-label");
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setWrapText(true);
        caption.textProperty().bind(queue.shownFiles().captionProperty());
        showWhen(caption, queue.shownFiles().captionProperty().isNotEmpty());
        VBox.setMargin(caption, new Insets(0, 0, 8, 0));
        VBox.setVgrow(diff.root(), Priority.ALWAYS);
        return new VBox(ideaPane(), fileBar, caption, diff.root());
    }

    /** The shown patch's idea above its code, wrapped to the page's width; i folds it away and back. */
    private TitledPane ideaPane() {
        TextArea text = new TextArea();
        text.setId("review-idea-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(4);
        text.setFocusTraversable(false);
        text.textProperty().bind(queue.ideaTextProperty());
        idea.setId("review-idea");
        idea.textProperty().bind(queue.ideaHeadingProperty());
        Tooltip heading = new Tooltip();
        heading.textProperty().bind(queue.ideaHeadingProperty());
        idea.setTooltip(heading);
        idea.setContent(text);
        idea.setAnimated(false);
        idea.setFocusTraversable(false);
        idea.setMinWidth(0); // a long title is cut short (its tooltip has all of it), never widens the page
        showWhen(idea, queue.shownProperty().isNotNull());
        VBox.setMargin(idea, new Insets(0, 0, 8, 0));
        return idea;
    }

    private VBox bottom() {
        comment.setId("review-comment");
        comment.promptTextProperty().bind(Bindings.when(queue.rejectingProperty())
                .then("Why reject this patch? Enter rejects it, Esc cancels")
                .otherwise("Comment: the reason for a rejection, or what a regenerated patch should do differently"));
        comment.textProperty().bindBidirectional(queue.commentProperty());
        // Enter in the comment never reaches the default button (Approve): a reason typed is not an approval. While a
        // rejection waits for its reason, Enter rejects.
        comment.setOnAction(event -> {
            event.consume();
            if (queue.rejectingProperty().get()) {
                queue.reject();
            }
        });
        comment.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && queue.rejectingProperty().get()) {
                event.consume();
                queue.cancelReject();
            }
        });
        queue.rejectingProperty().addListener((property, was, now) -> {
            comment.pseudoClassStateChanged(REJECTING, now);
            if (now) {
                comment.requestFocus();
                comment.end();
            } else if (comment.isFocused()) {
                sidebar.focusList(); // decided or cancelled: the page's keys work again
            }
        });
        HBox.setHgrow(comment, Priority.ALWAYS);
        Button approve = button("Approve (a)", "review-approve", queue.canDecideProperty().not());
        approve.setDefaultButton(true);
        approve.setOnAction(event -> queue.approve());
        Button save = button("Save edit (Ctrl+S)", "review-save-edit", queue.canEditProperty().not());
        save.setOnAction(event -> saveEdit());
        Button regenerate = button("Regenerate (g)", "review-regenerate", queue.canDecideProperty().not());
        regenerate.setOnAction(event -> queue.regenerate());
        Button reject = button("Reject (r)", "review-reject", queue.canDecideProperty().not());
        // With a reason written, the button rejects; without one it asks for it first.
        reject.setOnAction(event -> queue.reject());
        HBox actions = new HBox(8, comment, save, regenerate, approve, reject);
        showWhen(actions, queue.showingProperty().isEqualTo(Showing.WAITING));

        Label decision = new Label();
        decision.setId("review-decision");
        decision.setWrapText(true);
        decision.textProperty().bind(Bindings.createStringBinding(() -> {
            PatchReview.Decided entry = queue.history().selectedProperty().get();
            if (entry == null) {
                return "";
            }
            String reason = entry.outcome().reason();
            return queue.history().headline(entry.outcome()) + (reason.isBlank() ? "." : ": " + reason);
        }, queue.history().selectedProperty()));
        showWhen(decision, queue.showingProperty().isEqualTo(Showing.DECIDED));

        Label message = new Label();
        message.setId("review-message");
        message.setWrapText(true);
        message.textProperty().bind(queue.messageProperty());
        VBox bottom = new VBox(6, actions, decision, message);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        return bottom;
    }

    private static Button button(String text, String id, BooleanBinding disabled) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(disabled);
        return button;
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void showWhen(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** Submits the right side as it is now; an unchanged file is answered with a sentence, not a new attempt. */
    private void saveEdit() {
        diff.view().ifPresent(view -> queue.saveEdit(view.rightText()));
    }

    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl input && input.isEditable()
                || event.getTarget() instanceof GenericStyledArea<?, ?, ?> code && code.isEditable()) {
            return; // typing a comment, or editing the patch
        }
        if (event.isShortcutDown() || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return; // the window's shortcuts (Ctrl+R runs the loop) are never a page key
        }
        switch (event.getCharacter()) {
            case "j" -> diff.view().ifPresent(SideBySideDiffView::nextHunk);
            case "k" -> diff.view().ifPresent(SideBySideDiffView::previousHunk);
            case "n" -> queue.nextFile(1);
            case "p" -> queue.nextFile(-1);
            case "e" -> diff.focusRight();
            case "a" -> queue.approve();
            case "r" -> queue.askRejectReason();
            case "g" -> queue.regenerate();
            case "c" -> queue.compare();
            case "i" -> idea.setExpanded(!idea.isExpanded());
            case "q" -> queue.toggleQueue();
            case "h" -> queue.toggleShowing();
            case "?" -> cheatSheet();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private static String stylesheet() {
        URL url = ReviewView.class.getResource("/groundwork/css/review.css");
        if (url == null) {
            throw new IllegalStateException("The stylesheet groundwork/css/review.css is missing from the classpath"
                    + " (groundwork-resources).");
        }
        return url.toExternalForm();
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
}
