package dev.groundwork.views.review;

import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The patch gate on the Review page: the patches waiting for a decision, the files of the one selected (before and
 * after), and approve / reject with a comment. Everything that reads or writes the study goes through the task executor.
 */
public final class ReviewQueueViewModel {

    private final ObservableValue<? extends Study> study;
    private final TaskExecutor tasks;
    private final Function<Study, Optional<PatchReview>> reviews;
    private final String reviewer;
    private final ObservableList<PatchReview.Item> waiting = FXCollections.observableArrayList();
    private final ObjectProperty<PatchReview.Item> selected = new SimpleObjectProperty<>();
    private final ObservableList<PatchReview.FileChange> files = FXCollections.observableArrayList();
    private final ObjectProperty<PatchReview.FileChange> selectedFile = new SimpleObjectProperty<>();
    private final StringProperty comment = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canDecide;

    /**
     * @param changed  fires when the study's state was read again (its status): the queue is read again then
     * @param reviews  the review desk of a study, empty when the study offers none
     * @param reviewer the name recorded with decisions
     */
    public ReviewQueueViewModel(ObservableValue<? extends Study> study, Observable changed, TaskExecutor tasks,
                                Function<Study, Optional<PatchReview>> reviews, String reviewer) {
        this.study = study;
        this.tasks = tasks;
        this.reviews = reviews;
        this.reviewer = reviewer;
        this.canDecide = Bindings.createBooleanBinding(
                () -> selected.get() != null && study.getValue() != null && !study.getValue().readOnly(), selected, study);
        changed.addListener(o -> refresh());
        selected.addListener((property, old, item) -> loadFiles(item));
    }

    /** Reads the queue again (after the study changed, a decision, or the loop's progress). */
    public void refresh() {
        Optional<PatchReview> review = desk();
        if (review.isEmpty()) {
            waiting.clear();
            return;
        }
        tasks.submit("Reading the review queue", progress -> review.get().waiting(), items -> {
            PatchReview.Item keep = selected.get();
            waiting.setAll(items);
            selected.set(items.contains(keep) ? keep : items.isEmpty() ? null : items.getFirst());
        }, failure -> message.set("The review queue could not be read: " + failure.getMessage()));
    }

    private void loadFiles(PatchReview.Item item) {
        files.clear();
        selectedFile.set(null);
        Optional<PatchReview> review = desk();
        if (item == null || review.isEmpty()) {
            return;
        }
        tasks.submit("Reading patch " + item.patchId(), progress -> review.get().files(item.patchId()), changes -> {
            if (item.equals(selected.get())) {
                files.setAll(changes);
                selectedFile.set(changes.isEmpty() ? null : changes.getFirst());
            }
        }, failure -> message.set("Patch " + item.patchId() + " could not be read: " + failure.getMessage()));
    }

    public void approve() {
        decide(true);
    }

    public void reject() {
        decide(false);
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
                            + item.ideaTitle() + "\"" + (approve ? "; the loop runs it next." : "."));
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
        PatchReview.FileChange file = selectedFile.get();
        Optional<PatchReview> review = desk();
        if (item == null || file == null || review.isEmpty() || !canDecide.get()) {
            return;
        }
        tasks.submit("Saving your edit of " + file.path(),
                progress -> review.get().submitEdit(item.patchId(), file.path(), editedText, reviewer),
                outcome -> {
                    message.set(outcome);
                    refresh();
                }, failure -> message.set("Your edit was not saved: " + failure.getMessage()));
    }

    /** Moves the file selection by {@code step} (n / p). */
    public void nextFile(int step) {
        int index = files.indexOf(selectedFile.get());
        if (!files.isEmpty()) {
            selectedFile.set(files.get(Math.floorMod(index + step, files.size())));
        }
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

    public ObservableList<PatchReview.FileChange> files() {
        return files;
    }

    public ObjectProperty<PatchReview.FileChange> selectedFileProperty() {
        return selectedFile;
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

    /** Whether this study has a review desk at all (a real study does; a fake in a test may not). */
    public boolean available() {
        return desk().isPresent();
    }

    static List<String> keys() {
        return List.of("j / k  next / previous hunk", "n / p  next / previous file", "e  edit the right side", "g  regenerate with the comment",
                "Ctrl+S  save the edit as a new attempt", "a  approve", "r  reject", "?  this sheet");
    }
}
