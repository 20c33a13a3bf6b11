package dev.groundwork.views.fakes;

import dev.groundwork.model.status.StudyStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Study statuses shaped like the store's: wire names in lifecycle order, plus "total". */
public final class Statuses {

    private Statuses() {}

    /** Twelve ideas, a baseline and a best idea: a study a few epochs in. */
    public static StudyStatus sample(String study) {
        return new StudyStatus(study, 2,
                counts("total", 12, "proposed", 3, "approved", 0, "rejected", 0, "implementing", 0, "implemented", 9, "unimplementable", 0),
                counts("total", 11, "draft", 0, "applied", 0, "apply-failed", 1, "preflight-ok", 2, "preflight-failed", 0,
                        "approved", 7, "rejected", 1, "superseded", 0),
                counts("total", 9, "queued", 0, "starting", 0, "running", 1, "succeeded", 7, "failed", 1, "timed-out", 0,
                        "cancelled", 0, "lost", 0),
                1.4832, new StudyStatus.Best(7, "Rotary position embeddings", 1.30216, 31), 0.4213, 2.41667);
    }

    /** A study just created: nothing proposed, nothing run. */
    public static StudyStatus empty(String study) {
        return new StudyStatus(study, 0, counts("total", 0), counts("total", 0), counts("total", 0), null, null, 0, 0);
    }

    public static Map<String, Integer> counts(Object... nameThenCount) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < nameThenCount.length; i += 2) {
            counts.put((String) nameThenCount[i], (Integer) nameThenCount[i + 1]);
        }
        return counts;
    }
}
