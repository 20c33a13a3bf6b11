package dev.groundwork.views.shell;

import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.runs.RunControl;
import java.util.Optional;

/**
 * What the pages work with for an open study: its ideas inbox, its review desk and its runs. The app gives real studies both;
 * a study without them (a fake in a test) shows the pages' numbers only.
 */
public interface StudyDesks {

    Optional<IdeaInbox> inbox(Study study);

    Optional<PatchReview> review(Study study);

    /** The study's research loop, run in this process; none by default. */
    default Optional<LoopRunner> loop(Study study) {
        return Optional.empty();
    }

    /** The runs, their logs and metric series; none by default. */
    default Optional<RunMonitor> runs(Study study) {
        return Optional.empty();
    }

    /** Cancel, retry, run again and the slot map of a study's runs; none by default. */
    default Optional<RunControl> runControl(Study study) {
        return Optional.empty();
    }

    /** The study's results read in bulk for the Analytics and Lineage pages; none by default. */
    default Optional<dev.groundwork.model.analytics.StudyAnalytics> analytics(Study study) {
        return Optional.empty();
    }

    /** Whether the loop or runs started in this window still run on the study, so that it must not be closed yet. */
    default boolean runsActive(Study study) {
        return false;
    }

    StudyDesks NONE = new StudyDesks() {
        @Override
        public Optional<IdeaInbox> inbox(Study study) {
            return Optional.empty();
        }

        @Override
        public Optional<PatchReview> review(Study study) {
            return Optional.empty();
        }
    };
}
