package dev.groundwork.views.review;

import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.TaskExecutor;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The patch gate on the Review page: the patches waiting for a decision and the history of decided ones, the files of
 * the patch shown (before and after, or two of its idea's attempts against each other), and approve / reject /
 * regenerate with a comment. Everything that reads or writes the study goes through the task executor.
 */
public final class ReviewQueueViewModel {

    /** Which list the page shows. */
    public enum Showing { WAITING, DECIDED }

    private final ObservableValue<? extends Study> study;
    private final TaskExecutor tasks;
    private final Function<Study, Optional<PatchReview>> reviews;
    private final String reviewer;
    private final ObservableList<PatchReview.Item> waiting = FXCollections.observableArrayList();
    private final ObjectProperty<PatchReview.Item> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Showing> showing = new SimpleObjectProperty<>(Showing.WAITING);
    private final ReviewHistoryViewModel history;
    private final ReviewAttemptsViewModel attempts;
    private final ReviewFilesViewModel shownFiles;
    private final ObjectBinding<PatchReview.Item> shown;
    private final StringBinding ideaHeading;
    private final StringBinding ideaText;
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper rejecting = new ReadOnlyBooleanWrapper();
    private final BooleanProperty queueHidden = new SimpleBooleanProperty();
    private final StringProperty comment = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canDecide;
    private final BooleanBinding canEdit;
    /** Whether the reviewer picked the list shown; until then it follows the queue (the history when nothing waits). */
    private boolean showingChosen;

    /**
     * @param changed  fires when the study's state was read again (its status): the lists are read again then
     * @param reviews  the review desk of a study, empty when the study offers none
     * @param reviewer the name recorded with decisions
     */
    public ReviewQueueViewModel(ObservableValue<? extends Study> study, Observable changed, TaskExecutor tasks,
                                Function<Study, Optional<PatchReview>> reviews, String reviewer) {
        this(study, changed, tasks, reviews, reviewer, ZoneId.systemDefault());
    }

    ReviewQueueViewModel(ObservableValue<? extends Study> study, Observable changed, TaskExecutor tasks,
                         Function<Study, Optional<PatchReview>> reviews, String reviewer, ZoneId zone) {
        this.study = study;
        this.tasks = tasks;
        this.reviews = reviews;
        this.reviewer = reviewer;
        this.history = new ReviewHistoryViewModel(zone);
        this.attempts = new ReviewAttemptsViewModel(tasks);
        this.shownFiles = new ReviewFilesViewModel(tasks);
        this.shown = Bindings.createObjectBinding(() -> showing.get() == Showing.WAITING ? selected.get()
                : history.selectedProperty().get() == null ? null : history.selectedProperty().get().item(),
                showing, selected, history.selectedProperty());
        this.ideaHeading = Bindings.createStringBinding(() -> shown.get() == null ? "Idea"
                : "Idea #" + shown.get().ideaId() + " · " + shown.get().ideaTitle(), shown);
        this.ideaText = Bindings.createStringBinding(() -> shown.get() == null ? "" : IdeaText.readable(shown.get().ideaText()),
                shown);
        this.canDecide = Bindings.createBooleanBinding(() -> showing.get() == Showing.WAITING && selected.get() != null
                && study.getValue() != null && !study.getValue().readOnly(), showing, selected, study);
        this.canEdit = canDecide.and(shownFiles.editableProperty()).and(shownFiles.selectedFileProperty().isNotNull());
        changed.addListener(o -> refresh());
        shown.addListener((property, old, item) -> showPatch(item));
        // A rejection asked for is of the patch shown when it was asked for.
        shown.addListener(o -> rejecting.set(false));
        // With no patch shown, the diff pane says why; that changes with the list shown and the lists' contents.
        InvalidationListener nothingShown = o -> {
            if (shown.get() == null) {
                shownFiles.clear(nothingShown());
            }
        };
        showing.addListener(nothingShown);
        waiting.addListener(nothingShown);
        history.decided().addListener(nothingShown);
        // The history, when shown, always has a patch open if it has any.
        history.decided().addListener((InvalidationListener) o -> selectNewestDecided());
        study.addListener((property, old, now) -> showingChosen = false);
        attempts.firstProperty().addListener(o -> compareAgain());
        attempts.secondProperty().addListener(o -> compareAgain());
    }

    /** Reads the queue and the history again (after the study changed, a decision, or the loop's progress). */
    public void refresh() {
        Optional<PatchReview> review = desk();
        if (review.isEmpty()) {
            history.show(List.of());
            waiting.clear();
            return;
        }
        // Both lists in one read, so that a patch just decided is in exactly one of them.
        tasks.submit("Reading the review queue", progress -> new Lists(review.get().waiting(), review.get().decided()),
                this::show, failure -> message.set("The review queue could not be read: " + failure.getMessage()));
    }

    private record Lists(List<PatchReview.Item> waiting, List<PatchReview.Decided> decided) {}

    private void show(Lists lists) {
        history.show(lists.decided());
        PatchReview.Item keep = selected.get();
        waiting.setAll(lists.waiting());
        selected.set(lists.waiting().contains(keep) ? keep : lists.waiting().isEmpty() ? null : lists.waiting().getFirst());
        if (!showingChosen) {
            // Nothing to decide: what was decided is the useful list, opened on the newest decision (often the one
            // just made); patches arriving bring the queue back.
            Showing follows = lists.waiting().isEmpty() ? Showing.DECIDED : Showing.WAITING;
            if (follows == Showing.DECIDED && showing.get() == Showing.WAITING && !lists.decided().isEmpty()) {
                history.selectedProperty().set(lists.decided().getFirst());
            }
            showing.set(follows);
        }
        selectNewestDecided();
    }

    /** Shows the other list: the waiting patches, or the decided ones (h); the list then stays the reviewer's choice. */
    public void toggleShowing() {
        showingChosen = true;
        showing.set(showing.get() == Showing.WAITING ? Showing.DECIDED : Showing.WAITING);
        selectNewestDecided();
    }

    private void selectNewestDecided() {
        if (showing.get() == Showing.DECIDED && history.selectedProperty().get() == null && !history.decided().isEmpty()) {
            history.selectedProperty().set(history.decided().getFirst());
        }
    }

    private void showPatch(PatchReview.Item item) {
        comparing.set(false);
        Optional<PatchReview> review = desk();
        attempts.load(review, item, message::set);
        showOwnFiles(item, review);
    }

    /** The patch's files against its base: editable while it waits, read-only once decided. */
    private void showOwnFiles(PatchReview.Item item, Optional<PatchReview> review) {
        if (item == null || review.isEmpty()) {
            shownFiles.clear(nothingShown());
            return;
        }
        shownFiles.show("Reading patch " + item.patchId(), progress -> review.get().files(item.patchId()),
                showing.get() == Showing.WAITING, "", failure -> message.set(failure));
    }

    private String nothingShown() {
        if (showing.get() == Showing.WAITING) {
            return waiting.isEmpty() ? "Nothing waits for review: the loop's next patches appear here, and decided ones"
                    + " under Decided (h)." : "Select a waiting patch to review it.";
        }
        return history.decided().isEmpty() ? "No patch has been decided yet." : "Select a decided patch to read it.";
    }

    /**
     * Compares the two attempts picked in {@link #attempts()} (c): the diff pane shows the files either changes, the first
     * attempt's on the left and the second's on the right, read-only. Pressed again, it shows the patch itself again.
     */
    public void compare() {
        if (comparing.get()) {
            comparing.set(false);
            showOwnFiles(shown.get(), desk());
            return;
        }
        Optional<String> whyNot = attempts.whyNotComparable();
        if (shown.get() == null || desk().isEmpty() || whyNot.isPresent()) {
            whyNot.ifPresent(message::set);
            return;
        }
        comparing.set(true);
        showComparison();
    }

    private void compareAgain() {
        if (comparing.get()) {
            if (attempts.whyNotComparable().isPresent()) {
                message.set(attempts.whyNotComparable().get());
                shownFiles.clear(attempts.whyNotComparable().get());
            } else {
                showComparison();
            }
        }
    }

    private void showComparison() {
        PatchReview review = desk().orElseThrow();
        PatchReview.Attempt first = attempts.firstProperty().get();
        PatchReview.Attempt second = attempts.secondProperty().get();
        shownFiles.show("Comparing attempts " + first.number() + " and " + second.number(),
                progress -> review.filesBetween(first.patchId(), second.patchId()), false, attempts.caption(), failure -> {
                    message.set(failure);
                    comparing.set(false);
                    showOwnFiles(shown.get(), desk());
                });
    }

    public void approve() {
        decide(true);
    }

    /**
     * Asks for the reason of a rejection (r): the view puts the cursor in the comment, where Enter {@link #reject()}s
     * and Esc {@link #cancelReject()}s. A rejection is final, so it is never one key press.
     */
    public void askRejectReason() {
        PatchReview.Item item = selected.get();
        if (item == null || !canDecide.get()) {
            return;
        }
        rejecting.set(true);
        message.set("Why reject patch " + item.patchId() + "? Write the reason in the comment, then Enter rejects it;"
                + " Esc cancels.");
    }

    /**
     * Rejects the selected patch with the comment as its reason. Without a reason nothing is rejected: the reason is
     * asked for instead, since it is what the history, the idea's next attempt and whoever reads the study later have.
     */
    public void reject() {
        PatchReview.Item item = selected.get();
        if (item == null || !canDecide.get()) {
            return;
        }
        if (comment.get().isBlank()) {
            rejecting.set(true);
            message.set("Say why you reject patch " + item.patchId() + ": write the reason in the comment, then Enter"
                    + " rejects it; Esc cancels.");
            return;
        }
        rejecting.set(false);
        decide(false);
    }

    /** Leaves a rejection asked for (Esc): nothing is decided, the comment is kept. */
    public void cancelReject() {
        if (rejecting.get()) {
            rejecting.set(false);
            message.set("");
        }
    }

    /**
     * Sends the selected patch back with the comment as the reviewer's instructions: the next pass of the loop asks the
     * implementer for a new attempt that follows them.
     */
    public void regenerate() {
        PatchReview.Item item = selected.get();
        Optional<PatchReview> review = desk();
        if (item == null || review.isEmpty() || !canDecide.get()) {
            return;
        }
        Optional<String> refusal = review.get().regenerateRefusal();
        if (refusal.isPresent()) {
            message.set(refusal.get());
            return;
        }
        String text = comment.get().strip();
        if (text.isEmpty()) {
            message.set("Write in the comment what the new attempt should do differently, then regenerate.");
            return;
        }
        tasks.submit("Sending patch " + item.patchId() + " back", progress -> review.get().regenerate(item.patchId(),
                reviewer, text), patch -> {
                    message.set("Patch " + item.patchId() + " goes back to the implementer with your comment; the loop's"
                            + " next pass writes the new attempt.");
                    comment.set("");
                    refresh();
                }, failure -> message.set(failure.getMessage()));
    }

    private void decide(boolean approve) {
        PatchReview.Item item = selected.get();
        Optional<PatchReview> review = desk();
        if (item == null || review.isEmpty() || !canDecide.get()) {
            return;
        }
        String text = comment.get().strip();
        tasks.submit((approve ? "Approving" : "Rejecting") + " patch " + item.patchId(), progress -> approve
                        ? review.get().approve(item.patchId(), reviewer, text)
                        : review.get().reject(item.patchId(), reviewer, text),
                patch -> {
                    message.set((approve ? "Approved" : "Rejected") + " patch " + item.patchId() + " of \""
                            + item.ideaTitle() + "\"" + (approve ? "; the loop runs it (Ctrl+R starts the loop if it is not running)." : "."));
                    comment.set("");
                    refresh();
                }, failure -> message.set(failure.getMessage()));
    }

    /**
     * Submits the reviewer's edit of the selected file: a new attempt (author {@code llm+human}) that goes through the
     * patch engine and pre-flight and then waits here like any patch; the edited one is superseded.
     */
    public void saveEdit(String editedText) {
        PatchReview.Item item = selected.get();
        PatchReview.FileChange file = shownFiles.selectedFileProperty().get();
        Optional<PatchReview> review = desk();
        if (item == null || file == null || review.isEmpty() || !canEdit.get()) {
            return;
        }
        tasks.submit("Saving your edit of " + file.path(),
                progress -> review.get().submitEdit(item.patchId(), file.path(), editedText, reviewer),
                outcome -> {
                    message.set(outcome);
                    refresh();
                }, failure -> message.set("Your edit was not saved: " + failure.getMessage()));
    }

    /** Hides the list of patches (q) to give the code its width, or shows it again. */
    public void toggleQueue() {
        queueHidden.set(!queueHidden.get());
    }

    /**
     * Whether the list of patches is hidden, so that the two sides have its width. The window remembers it across
     * sessions by setting this property and following it.
     */
    public BooleanProperty queueHiddenProperty() {
        return queueHidden;
    }

    /** Moves the file selection by {@code step} (n / p). */
    public void nextFile(int step) {
        shownFiles.nextFile(step);
    }

    private Optional<PatchReview> desk() {
        Study current = study.getValue();
        return current == null ? Optional.empty() : reviews.apply(current);
    }

    public ObservableList<PatchReview.Item> waiting() {
        return waiting;
    }

    public ObjectProperty<PatchReview.Item> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Showing> showingProperty() {
        return showing;
    }

    /** The patch whose files and attempts are shown: the selected waiting one, or the selected decided one. */
    public ObjectBinding<PatchReview.Item> shownProperty() {
        return shown;
    }

    /** "Idea #12 · Cosine LR": the shown patch's idea, above its code. */
    public StringBinding ideaHeadingProperty() {
        return ideaHeading;
    }

    /** The shown patch's idea text, the "why" its code is judged by, a paragraph per section. */
    public StringBinding ideaTextProperty() {
        return ideaText;
    }

    public ReviewHistoryViewModel history() {
        return history;
    }

    public ReviewAttemptsViewModel attempts() {
        return attempts;
    }

    /** The files in the diff pane, the selected one and its rows. */
    public ReviewFilesViewModel shownFiles() {
        return shownFiles;
    }

    public ObservableList<PatchReview.FileChange> files() {
        return shownFiles.files();
    }

    public ObjectProperty<PatchReview.FileChange> selectedFileProperty() {
        return shownFiles.selectedFileProperty();
    }

    /** Whether the diff pane shows two attempts rather than the patch against its base. */
    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    /** Whether a rejection waits for its reason in the comment (Enter rejects, Esc cancels). */
    public ReadOnlyBooleanProperty rejectingProperty() {
        return rejecting.getReadOnlyProperty();
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canDecideProperty() {
        return canDecide;
    }

    /** Whether the right side is a waiting patch's file that the reviewer may edit and save as a new attempt. */
    public BooleanBinding canEditProperty() {
        return canEdit;
    }

    /** Whether this study has a review desk at all (a real study does; a fake in a test may not). */
    public boolean available() {
        return desk().isPresent();
    }

    static List<String> keys() {
        return List.of("j / k  next / previous hunk", "n / p  next / previous file", "e  edit the right side",
                "Ctrl+S  save the edit as a new attempt", "g  regenerate with the comment", "a  approve",
                "r  reject: write the reason, Enter rejects, Esc cancels",
                "c  compare two attempts at the idea (again: back to the patch)", "h  waiting / decided patches",
                "i  show / hide the idea's text", "q  hide / show the list of patches (the code gets its width)",
                "?  this sheet");
    }
}
