package dev.groundwork.model.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * How a run's metric series becomes its reward.
 *
 * @param valid rewards outside this range are treated as reward hacking and scored as failed; empty: no range
 */
public record RewardSpec(String metric, Goal goal, Aggregate aggregate, Optional<ValidRange> valid) {

    public enum Goal { MINIMIZE, MAXIMIZE }

    /** Which point of the series counts: the last one, the best one (min or max by the goal) or the mean. */
    public enum Aggregate { LAST, BEST, MEAN }

    /** An inclusive range of plausible rewards, {@code low < high}. */
    public record ValidRange(double low, double high) {
        public ValidRange {
            if (!(low < high)) {
                throw new IllegalArgumentException("low " + low + " is not below high " + high);
            }
        }

        public boolean contains(double reward) {
            return low <= reward && reward <= high;
        }
    }

    public RewardSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(valid, "valid");
    }
}
