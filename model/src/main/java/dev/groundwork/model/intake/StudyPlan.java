package dev.groundwork.model.intake;

import java.util.List;

/**
 * What a study made from the researcher's own code will say in its groundwork.yaml: detected by {@link CodeDetector},
 * each value overridable, checked against the code by {@link PlanCheck}.
 *
 * @param rewardMetric null when nothing was detected and nobody named one
 */
public record StudyPlan(String name, List<String> command, List<String> editable, List<String> protectedPaths,
                        MetricFormat metrics, String rewardMetric, String goal) {

    public StudyPlan {
        command = List.copyOf(command);
        editable = List.copyOf(editable);
        protectedPaths = List.copyOf(protectedPaths);
    }

    public StudyPlan withName(String value) {
        return new StudyPlan(value, command, editable, protectedPaths, metrics, rewardMetric, goal);
    }

    public StudyPlan withCommand(List<String> value) {
        return new StudyPlan(name, value, editable, protectedPaths, metrics, rewardMetric, goal);
    }

    public StudyPlan withEditable(List<String> value) {
        return new StudyPlan(name, command, value, protectedPaths, metrics, rewardMetric, goal);
    }

    public StudyPlan withProtected(List<String> value) {
        return new StudyPlan(name, command, editable, value, metrics, rewardMetric, goal);
    }

    public StudyPlan withMetrics(MetricFormat value) {
        return new StudyPlan(name, command, editable, protectedPaths, value, rewardMetric, goal);
    }

    /** Names the reward; its goal follows the name unless given. */
    public StudyPlan withReward(String metric, String goalOrNull) {
        return new StudyPlan(name, command, editable, protectedPaths, metrics, metric,
                goalOrNull == null ? MetricFormat.goalOf(metric) : goalOrNull);
    }

    public StudyPlan withGoal(String value) {
        return new StudyPlan(name, command, editable, protectedPaths, metrics, rewardMetric, value);
    }
}
