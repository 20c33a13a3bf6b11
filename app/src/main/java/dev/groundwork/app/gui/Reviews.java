package dev.groundwork.app.gui;

import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import java.time.Clock;
import java.util.Optional;

/** The review desk the window gives each opened study, and the name its decisions are recorded under. */
public final class Reviews {

    private final LoopAssembly loops;
    private final Clock clock;

    public Reviews(LoopAssembly loops, Clock clock) {
        this.loops = loops;
        this.clock = clock;
    }

    Optional<PatchReview> of(Study study) {
        return study instanceof StudyFolder folder
                ? Optional.of(new PatchReview(folder, clock, loops.humanPatches(folder)))
                : Optional.empty();
    }

    static String reviewer() {
        return System.getProperty("user.name", "human");
    }
}
