package dev.groundwork.views.review;

import dev.groundwork.model.review.PatchReview;
import dev.groundwork.views.common.TaskExecutor;
import dev.groundwork.views.review.diff.SideBySide;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the diff pane shows: a set of files (a waiting patch's, a decided patch's, or two attempts' side by side), the
 * file selected, and its aligned rows. Reading the files and aligning the rows (tens of milliseconds for a
 * 5,000-line file) both run on the task executor; {@link #diffProperty()} is null until the rows are ready.
 */
public final class ReviewFilesViewModel {

    private final TaskExecutor tasks;
    private final ObservableList<PatchReview.FileChange> files = FXCollections.observableArrayList();
    private final ObjectProperty<PatchReview.FileChange> selectedFile = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<SideBySide> diff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    /** Counts requests, so that the answer to one that was replaced meanwhile is dropped. */
    private long request;

    ReviewFilesViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        selectedFile.addListener((property, old, file) -> align(file));
    }

    /**
     * Reads files and shows them, the first one selected.
     *
     * @param editable whether the right side may be edited (a waiting patch)
     * @param caption  what the files are, when not simply the selected patch's (e.g. the two attempts compared)
     */
    void show(String task, TaskExecutor.Work<List<PatchReview.FileChange>> read, boolean editable, String caption,
              Consumer<String> onFailure) {
        clear();
        placeholder.set(task + "…");
        long at = request;
        tasks.submit(task, read, changes -> {
            if (at == request) {
                this.editable.set(editable);
                this.caption.set(caption);
                placeholder.set(changes.isEmpty() ? "No file to show." : "");
                files.setAll(changes);
                selectedFile.set(changes.isEmpty() ? null : changes.getFirst());
            }
        }, failure -> {
            if (at == request) {
                placeholder.set(failure.getMessage());
                onFailure.accept(failure.getMessage());
            }
        });
    }

    /** Shows nothing; {@code why} says so in the diff pane's place. */
    void clear(String why) {
        clear();
        placeholder.set(why);
    }

    private void clear() {
        request++;
        files.clear();
        selectedFile.set(null);
        editable.set(false);
        caption.set("");
    }

    /** Moves the file selection by {@code step} (n / p), round the list. */
    public void nextFile(int step) {
        int index = files.indexOf(selectedFile.get());
        if (!files.isEmpty()) {
            selectedFile.set(files.get(Math.floorMod(index + step, files.size())));
        }
    }

    private void align(PatchReview.FileChange file) {
        diff.set(null);
        if (file == null) {
            return;
        }
        placeholder.set("Aligning the lines of " + file.path() + "…");
        tasks.submit("Aligning " + file.path(), progress -> SideBySide.of(file.path(), file.before(), file.after()), rows -> {
            if (file == selectedFile.get()) { // not replaced by another file meanwhile
                placeholder.set("");
                diff.set(rows);
            }
        }, failure -> placeholder.set(file.path() + " could not be shown side by side: " + failure.getMessage()));
    }

    public ObservableList<PatchReview.FileChange> files() {
        return files;
    }

    public ObjectProperty<PatchReview.FileChange> selectedFileProperty() {
        return selectedFile;
    }

    /**
     * Where the diff's syntax highlighting runs: on the task executor like all the page's work, so that whoever waits
     * for the page to settle (a headless snapshot) waits for the colours too.
     */
    public Executor highlighting() {
        return job -> {
            try {
                tasks.submit("Colouring the code", progress -> {
                    job.run();
                    return null;
                }, done -> {}, failure -> {});
            } catch (RejectedExecutionException closing) {
                // The window is closing and its executor with it: the text stays plain.
            }
        };
    }

    /** The selected file's rows; null while none is selected or they are being computed. */
    public ReadOnlyObjectProperty<SideBySide> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** What the diff pane says while it has no rows to show: loading, aligning, or why there is nothing. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
