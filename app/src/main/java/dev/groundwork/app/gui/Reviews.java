package dev.groundwork.app.gui;

import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import java.time.Clock;
import java.util.Optional;

/** The review desk the window gives each opened study, and the name its decisions are recorded under. */
final class Reviews {

    private Reviews() {}

    static Optional<PatchReview> of(Study study) {
        return study instanceof StudyFolder folder ? Optional.of(new PatchReview(folder, Clock.systemUTC())) : Optional.empty();
    }

    static String reviewer() {
        return System.getProperty("user.name", "human");
    }
}
