package dev.groundwork.model.analytics;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.history.RunFact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How one epoch of the search went: its ideas through the funnel (proposed → implemented → ran → succeeded), why its runs
 * failed, what it cost, and what the search had gained over the baseline by its end, per dollar and per GPU hour spent
 * so far.
 *
 * @param failures      failed runs by failure class (or status when unclassified), alphabetically
 * @param bestSoFar     the best counted reward of any epoch up to this one, the baseline's when none beat it
 * @param gain          how much better than the baseline the best so far is (positive is better); null before both exist
 * @param gainPerUsd    {@code gain} per LLM dollar spent up to this epoch; null when nothing was spent
 * @param gainPerGpuHour {@code gain} per GPU hour spent up to this epoch; null when no GPU time was spent
 */
public record EpochHealth(int epoch, int proposed, int implemented, int ran, int succeeded, Map<String, Integer> failures,
                          double llmUsd, double gpuHours, Double bestSoFar, Double gain, Double gainPerUsd,
                          Double gainPerGpuHour) {

    public EpochHealth {
        failures = java.util.Collections.unmodifiableMap(new TreeMap<>(failures));
    }

    public int failed() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    public static List<EpochHealth> of(StudyFacts facts) {
        TreeMap<Integer, List<Idea>> ideas = new TreeMap<>();
        facts.ideas().forEach(idea -> ideas.computeIfAbsent(idea.epoch(), e -> new ArrayList<>()).add(idea));
        TreeMap<Integer, List<RunFact>> runs = new TreeMap<>();
        facts.runs().stream().filter(run -> run.ideaId() != null)
                .forEach(run -> runs.computeIfAbsent(run.epoch(), e -> new ArrayList<>()).add(run));
        if (ideas.isEmpty() && runs.isEmpty()) {
            return List.of();
        }
        int first = Math.min(ideas.isEmpty() ? Integer.MAX_VALUE : ideas.firstKey(), runs.isEmpty() ? Integer.MAX_VALUE : runs.firstKey());
        int last = Math.max(ideas.isEmpty() ? Integer.MIN_VALUE : ideas.lastKey(), runs.isEmpty() ? Integer.MIN_VALUE : runs.lastKey());
        Direction direction = facts.direction();
        // The search started from the original code: its score starts the best so far, its run the GPU time spent.
        Double baseline = facts.originalBaselineRun().map(RunFact::reward).orElse(null);
        Double best = baseline;
        double spentUsd = 0;
        double spentGpuHours = facts.originalBaselineRun().map(run -> run.gpuSeconds() / 3600.0).orElse(0.0);
        List<EpochHealth> epochs = new ArrayList<>();
        for (int epoch = first; epoch <= last; epoch++) {
            List<Idea> epochIdeas = ideas.getOrDefault(epoch, List.of());
            List<RunFact> epochRuns = runs.getOrDefault(epoch, List.of());
            Set<Long> ran = new HashSet<>();
            Set<Long> succeeded = new HashSet<>();
            Map<String, Integer> failures = new TreeMap<>();
            double gpuSeconds = 0;
            for (RunFact run : epochRuns) {
                gpuSeconds += run.gpuSeconds();
                RunStatus status = RunStatus.fromWire(run.status());
                if (run.startedAt() != null) {
                    ran.add(run.ideaId());
                }
                if (status == RunStatus.SUCCEEDED) {
                    succeeded.add(run.ideaId());
                } else if (status.isFinal()) {
                    failures.merge(run.failureClass() != null ? run.failureClass() : run.status(), 1, Integer::sum);
                }
                if (run.counts() && run.reward() != null && (best == null || direction.better(run.reward(), best))) {
                    best = run.reward();
                }
            }
            int implemented = (int) epochIdeas.stream()
                    .filter(idea -> facts.patchesOf(idea.id()).stream().anyMatch(patch -> patch.commit() != null)).count();
            double usd = facts.llmUsdInEpoch(epoch);
            double gpuHours = gpuSeconds / 3600.0;
            spentUsd += usd;
            spentGpuHours += gpuHours;
            Double gain = best == null || baseline == null ? null : direction.gain(baseline, best);
            epochs.add(new EpochHealth(epoch, epochIdeas.size(), implemented, ran.size(), succeeded.size(), failures, usd,
                    gpuHours, best, gain, gain == null || spentUsd <= 0 ? null : gain / spentUsd,
                    gain == null || spentGpuHours <= 0 ? null : gain / spentGpuHours));
        }
        return List.copyOf(epochs);
    }
}
