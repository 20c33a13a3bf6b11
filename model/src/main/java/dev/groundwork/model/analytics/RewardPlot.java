package dev.groundwork.model.analytics;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.history.RunFact;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reward per epoch: every finished run of an idea as a point (failed and invalid runs kept, marked), the best reward so
 * far after each epoch, each epoch's median, and the baseline's reward as the reference. Evolve and best-of-n ideas are
 * kept apart ({@link Strategy}), so that a study that tried both shows them side by side.
 */
public record RewardPlot(Direction direction, Double baseline, Double formerBaseline, Map<Strategy, Lane> lanes) {

    /** How an idea was searched for: fed back from earlier results, or drawn independently with the same budget. */
    public enum Strategy { EVOLVE, BEST_OF_N }

    /** What a run's point stands for. */
    public enum Kind {
        /** Its reward counts for its idea. */
        COUNTED,
        /** A succeeded repeat of a run that counts: noise, shown but never counted. */
        REPEAT,
        /** It ended without success (crash, timeout, out of memory, lost, cancelled). */
        FAILED,
        /** It ran to the end, but its reward could not be computed (missing or not a number). */
        INVALID
    }

    /** One run: its idea, epoch and reward (null when failed or invalid). */
    public record Point(long runId, long ideaId, String label, int epoch, Double reward, Kind kind, String failure) {}

    /** An epoch's summary: the median of its counted rewards and the best reward of any epoch up to it. */
    public record EpochLine(int epoch, Double median, Double bestSoFar, Long bestIdea) {}

    public record Lane(List<Point> points, List<EpochLine> epochs) {
        public Lane {
            points = List.copyOf(points);
            epochs = List.copyOf(epochs);
        }
    }

    public RewardPlot {
        lanes = Map.copyOf(lanes);
    }

    public static RewardPlot of(StudyFacts facts) {
        Map<Strategy, List<Point>> byStrategy = new EnumMap<>(Strategy.class);
        for (RunFact run : facts.runs()) {
            if (run.ideaId() == null || !RunStatus.fromWire(run.status()).isFinal()) {
                continue;
            }
            Idea idea = facts.idea(run.ideaId()).orElse(null);
            if (idea == null) {
                continue;
            }
            byStrategy.computeIfAbsent(strategy(idea), s -> new ArrayList<>()).add(point(run, idea));
        }
        Map<Strategy, Lane> lanes = new EnumMap<>(Strategy.class);
        Double baseline = facts.baselineReward().orElse(null);
        // The best so far starts from the original code's score, which the first ideas were bred from.
        Double start = facts.originalBaselineRun().map(RunFact::reward).orElse(null);
        byStrategy.forEach((strategy, points) -> lanes.put(strategy, new Lane(points, epochs(points, start, facts.direction()))));
        // The baseline promoted over stays on the chart as history; the reference is the current code's score alone.
        List<RunFact> former = facts.formerBaselineRuns();
        Double formerBaseline = former.isEmpty() ? null : former.getLast().reward();
        return new RewardPlot(facts.direction(), baseline, formerBaseline, lanes);
    }

    static Strategy strategy(Idea idea) {
        return idea.origin() == IdeaOrigin.BEST_OF_N ? Strategy.BEST_OF_N : Strategy.EVOLVE;
    }

    private static Point point(RunFact run, Idea idea) {
        String label = IdeaLabels.of(idea.id(), idea.title());
        if (RunStatus.fromWire(run.status()) != RunStatus.SUCCEEDED) {
            String failure = run.failureClass() != null ? run.failureClass() : run.status();
            boolean invalid = FailureClass.REWARD_INVALID.wireName().equals(run.failureClass());
            return new Point(run.id(), idea.id(), label, run.epoch(), null, invalid ? Kind.INVALID : Kind.FAILED, failure);
        }
        if (run.reward() == null || !Double.isFinite(run.reward())) {
            return new Point(run.id(), idea.id(), label, run.epoch(), null, Kind.INVALID, "no reward");
        }
        return new Point(run.id(), idea.id(), label, run.epoch(), run.reward(), run.counts() ? Kind.COUNTED : Kind.REPEAT, null);
    }

    /** Median and best-so-far for each epoch from the first to the last that has a point; the baseline starts the best. */
    private static List<EpochLine> epochs(List<Point> points, Double baseline, Direction direction) {
        TreeMap<Integer, List<Point>> byEpoch = new TreeMap<>();
        points.forEach(point -> byEpoch.computeIfAbsent(point.epoch(), e -> new ArrayList<>()).add(point));
        List<EpochLine> lines = new ArrayList<>();
        if (byEpoch.isEmpty()) {
            return lines;
        }
        Double best = baseline;
        Long bestIdea = null;
        for (int epoch = byEpoch.firstKey(); epoch <= byEpoch.lastKey(); epoch++) {
            List<Double> counted = new ArrayList<>();
            for (Point point : byEpoch.getOrDefault(epoch, List.of())) {
                if (point.kind() != Kind.COUNTED) {
                    continue;
                }
                counted.add(point.reward());
                if (best == null || direction.better(point.reward(), best)) {
                    best = point.reward();
                    bestIdea = point.ideaId();
                }
            }
            lines.add(new EpochLine(epoch, median(counted), best, bestIdea));
        }
        return lines;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
