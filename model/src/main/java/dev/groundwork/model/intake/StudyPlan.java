package dev.groundwork.model.intake;

import java.util.List;

/**
 * What a study made from the researcher's own code will say in its groundwork.yaml: detected by {@link CodeDetector},
 * each value overridable, checked against the code by {@link PlanCheck}.
 *
 * @param rewardMetric null when nothing was detected and nobody named one
 * @param runs         how each run is limited and how many run at once
 * @param valid        the rewards a run may report (outside it, reward hacking); null for no range
 */
public record StudyPlan(String name, List<String> command, List<String> editable, List<String> protectedPaths,
                        MetricFormat metrics, String rewardMetric, String goal, Runs runs, Valid valid) {

    /**
     * @param timeout    as the spec writes it, e.g. 30m
     * @param concurrency how many runs at once
     * @param gpusPerRun GPUs each run gets (0: CPU only)
     */
    public record Runs(String timeout, int concurrency, int gpusPerRun) {
        public static final Runs DEFAULT = new Runs("30m", 1, 0);
    }

    /** The reward's valid range, both ends included. */
    public record Valid(double low, double high) {}

    public StudyPlan {
        command = List.copyOf(command);
        editable = List.copyOf(editable);
        protectedPaths = List.copyOf(protectedPaths);
        runs = runs == null ? Runs.DEFAULT : runs;
    }

    /** A plan with the default run settings and no valid range. */
    public StudyPlan(String name, List<String> command, List<String> editable, List<String> protectedPaths,
                     MetricFormat metrics, String rewardMetric, String goal) {
        this(name, command, editable, protectedPaths, metrics, rewardMetric, goal, Runs.DEFAULT, null);
    }

    public StudyPlan withName(String value) {
        return new StudyPlan(value, command, editable, protectedPaths, metrics, rewardMetric, goal, runs, valid);
    }

    public StudyPlan withCommand(List<String> value) {
        return new StudyPlan(name, value, editable, protectedPaths, metrics, rewardMetric, goal, runs, valid);
    }

    public StudyPlan withEditable(List<String> value) {
        return new StudyPlan(name, command, value, protectedPaths, metrics, rewardMetric, goal, runs, valid);
    }

    public StudyPlan withProtected(List<String> value) {
        return new StudyPlan(name, command, editable, value, metrics, rewardMetric, goal, runs, valid);
    }

    public StudyPlan withMetrics(MetricFormat value) {
        return new StudyPlan(name, command, editable, protectedPaths, value, rewardMetric, goal, runs, valid);
    }

    /** Names the reward; its goal follows the name unless given. */
    public StudyPlan withReward(String metric, String goalOrNull) {
        return new StudyPlan(name, command, editable, protectedPaths, metrics, metric,
                goalOrNull == null ? MetricFormat.goalOf(metric) : goalOrNull, runs, valid);
    }

    public StudyPlan withGoal(String value) {
        return new StudyPlan(name, command, editable, protectedPaths, metrics, rewardMetric, value, runs, valid);
    }

    public StudyPlan withRuns(Runs value) {
        return new StudyPlan(name, command, editable, protectedPaths, metrics, rewardMetric, goal, value, valid);
    }

    /** @param value null for no range */
    public StudyPlan withValid(Valid value) {
        return new StudyPlan(name, command, editable, protectedPaths, metrics, rewardMetric, goal, runs, value);
    }
}
