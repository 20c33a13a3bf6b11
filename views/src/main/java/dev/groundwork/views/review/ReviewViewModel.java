package dev.groundwork.views.review;

import static dev.groundwork.views.common.StatusFormat.total;
import static dev.groundwork.views.common.StatusFormat.breakdown;
import static dev.groundwork.views.common.StatusFormat.count;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusPageViewModel;
import java.util.List;
import javafx.beans.value.ObservableValue;

/** The Review page: its numbers, and the queue of patches waiting at the patch gate with their side-by-side diffs. */
public final class ReviewViewModel {

    private final StatusPageViewModel page;
    private final ReviewQueueViewModel queue;

    public ReviewViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status,
                           ReviewQueueViewModel queue) {
        this.queue = queue;
        page = new StatusPageViewModel("Review",
                "Each generated patch side by side with its base: read it, edit it in place, then approve, reject or regenerate it with a comment.",
                study, status, (s, st) -> facts(st));
    }

    public StatusPageViewModel page() {
        return page;
    }

    public ReviewQueueViewModel queue() {
        return queue;
    }

    static List<Fact> facts(StudyStatus status) {
        int waiting = count(status.patches(), "preflight-ok");
        return List.of(
                new Fact("Awaiting review", String.valueOf(waiting),
                        waiting == 1 ? "patch passed pre-flight and waits for a decision" : "patches passed pre-flight and wait for a decision"),
                new Fact("Patches", String.valueOf(total(status.patches())), breakdown(status.patches())));
    }
}
