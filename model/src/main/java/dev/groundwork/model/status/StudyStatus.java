package dev.groundwork.model.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The study at a glance; the shape of {@code groundwork status --json}, a stable contract.
 *
 * @param ideas   counts by status wire name, plus "total"
 * @param best    the best scored idea run so far, or null
 */
public record StudyStatus(
        String study,
        int epoch,
        Map<String, Integer> ideas,
        Map<String, Integer> patches,
        Map<String, Integer> runs,
        Double baselineReward,
        Best best,
        double llmUsd,
        double gpuHours) {

    public StudyStatus {
        ideas = ordered(ideas);
        patches = ordered(patches);
        runs = ordered(runs);
    }

    private static Map<String, Integer> ordered(Map<String, Integer> counts) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The best idea: its id and title, its reward and the run that earned it. */
    public record Best(long idea, String title, double reward, long run) {}
}
