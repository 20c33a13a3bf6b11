package dev.groundwork.views.fakes;

import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.shell.StudyDesks;
import java.util.Optional;

/** Desks a page test hands the window whatever study it opens: the one inbox, review desk or monitor it built. */
public record FixedDesks(IdeaInbox inbox, PatchReview review, RunMonitor runs) implements StudyDesks {

    public static FixedDesks inbox(IdeaInbox inbox) {
        return new FixedDesks(inbox, null, null);
    }

    public static FixedDesks review(PatchReview review) {
        return new FixedDesks(null, review, null);
    }

    public static FixedDesks runs(RunMonitor runs) {
        return new FixedDesks(null, null, runs);
    }

    @Override
    public Optional<IdeaInbox> inbox(Study study) {
        return Optional.ofNullable(inbox);
    }

    @Override
    public Optional<PatchReview> review(Study study) {
        return Optional.ofNullable(review);
    }

    @Override
    public Optional<RunMonitor> runs(Study study) {
        return Optional.ofNullable(runs);
    }
}
