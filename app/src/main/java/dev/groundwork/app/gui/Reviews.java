package dev.groundwork.app.gui;

import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.shell.StudyDesks;
import java.time.Clock;
import java.util.Optional;

/** The ideas inbox and review desk the window gives each opened study, and the name its decisions are recorded under. */
public final class Reviews implements StudyDesks {

    private final LoopAssembly loops;
    private final Clock clock;

    public Reviews(LoopAssembly loops, Clock clock) {
        this.loops = loops;
        this.clock = clock;
    }

    @Override
    public Optional<PatchReview> review(Study study) {
        return study instanceof StudyFolder folder
                ? Optional.of(new PatchReview(folder, clock, loops.humanPatches(folder)))
                : Optional.empty();
    }

    @Override
    public Optional<RunMonitor> runs(Study study) {
        return study instanceof StudyFolder folder ? Optional.of(new RunMonitor(folder)) : Optional.empty();
    }

    @Override
    public Optional<IdeaInbox> inbox(Study study) {
        return study instanceof StudyFolder folder
                ? Optional.of(new IdeaInbox(folder, loops.humanPatches(folder)))
                : Optional.empty();
    }

    static String reviewer() {
        return System.getProperty("user.name", "human");
    }
}
