package dev.groundwork.views.review;

import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.views.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The attempts at the shown patch's idea (implementer retries, reviewer edits, regenerations), and the two picked for
 * comparison: by default the shown patch and the attempt before it.
 */
public final class ReviewAttemptsViewModel {

    private final TaskExecutor tasks;
    private final ObservableList<PatchReview.Attempt> attempts = FXCollections.observableArrayList();
    private final FilteredList<PatchReview.Attempt> comparable = attempts.filtered(PatchReview.Attempt::applied);
    private final ObjectProperty<PatchReview.Attempt> first = new SimpleObjectProperty<>();
    private final ObjectProperty<PatchReview.Attempt> second = new SimpleObjectProperty<>();
    private long request;

    ReviewAttemptsViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Reads the attempts at {@code shown}'s idea and picks the pair to compare. */
    void load(Optional<PatchReview> review, PatchReview.Item shown, Consumer<String> onFailure) {
        clear();
        if (review.isEmpty() || shown == null) {
            return;
        }
        long at = request;
        tasks.submit("Reading the attempts at idea " + shown.ideaId(), progress -> review.get().attempts(shown.ideaId()), list -> {
            if (at == request) {
                attempts.setAll(list);
                pickPair(shown.patchId());
            }
        }, failure -> onFailure.accept("The attempts at idea " + shown.ideaId() + " could not be read: " + failure.getMessage()));
    }

    void clear() {
        request++;
        attempts.clear();
        first.set(null);
        second.set(null);
    }

    /** The shown attempt against the one before it that applied, else against the next one that did. */
    private void pickPair(long shownPatchId) {
        List<PatchReview.Attempt> applied = List.copyOf(comparable);
        int index = -1;
        for (int i = 0; i < applied.size(); i++) {
            if (applied.get(i).patchId() == shownPatchId) {
                index = i;
            }
        }
        if (applied.size() < 2 || index < 0) {
            return;
        }
        int other = index > 0 ? index - 1 : index + 1;
        first.set(applied.get(Math.min(index, other)));
        second.set(applied.get(Math.max(index, other)));
    }

    /** Why the picked pair cannot be compared, or empty when it can. */
    Optional<String> whyNotComparable() {
        if (attempts.size() < 2) {
            return Optional.of("This idea has one attempt so far: there is no other attempt to compare it with.");
        }
        if (comparable.size() < 2) {
            return Optional.of("Only one attempt at this idea applied; an attempt that did not apply has no files to compare.");
        }
        if (first.get() == null || second.get() == null || first.get().equals(second.get())) {
            return Optional.of("Pick two different attempts to compare.");
        }
        return Optional.empty();
    }

    /** "Attempt 1 (llm:gpt-4o) on the left, attempt 2 (llm+human) on the right". */
    String caption() {
        return "Attempt " + first.get().number() + " (" + first.get().author() + ") on the left, attempt "
                + second.get().number() + " (" + second.get().author() + ") on the right";
    }

    /** "2 · llm+human · superseded". */
    public static String label(PatchReview.Attempt attempt) {
        return attempt.number() + " · " + attempt.author() + " · " + status(attempt.outcome().status());
    }

    private static String status(PatchStatus status) {
        return status == PatchStatus.PREFLIGHT_OK ? "waiting" : status.wireName();
    }

    /** Every attempt at the idea, attempt 1 first. */
    public ObservableList<PatchReview.Attempt> attempts() {
        return attempts;
    }

    /** The attempts that applied: those that can be compared. */
    public ObservableList<PatchReview.Attempt> comparable() {
        return comparable;
    }

    /** The attempt on the left of a comparison. */
    public ObjectProperty<PatchReview.Attempt> firstProperty() {
        return first;
    }

    /** The attempt on the right of a comparison. */
    public ObjectProperty<PatchReview.Attempt> secondProperty() {
        return second;
    }
}
