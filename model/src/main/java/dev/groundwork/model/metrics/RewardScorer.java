package dev.groundwork.model.metrics;

import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.spec.RewardSpec.Goal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Turns a run's series of the reward metric into its reward, or into the reason it cannot be scored. */
public final class RewardScorer {

    /**
     * A run's reward, or why it has none.
     *
     * @param reward the reward; NaN when invalid
     * @param reason null when valid; else a sentence such as "no val_loss values"
     */
    public record Score(double reward, String reason) {

        public static Score of(double reward) {
            return new Score(reward, null);
        }

        public static Score invalid(String reason) {
            return new Score(Double.NaN, reason);
        }

        public boolean valid() {
            return reason == null;
        }
    }

    private RewardScorer() {}

    /**
     * Scores {@code series} by {@code spec}: its last point (highest step; of equal steps the later one), its best
     * (lowest when minimizing) or the mean of all its points; points of other metrics are ignored. A reward outside the
     * valid range is treated as reward hacking.
     */
    public static Score score(List<MetricPoint> series, RewardSpec spec) {
        String metric = spec.metric();
        List<MetricPoint> points = series.stream().filter(point -> point.name().equals(metric)).toList();
        if (points.isEmpty()) {
            return Score.invalid("no " + metric + " values");
        }
        double reward = switch (spec.aggregate()) {
            case LAST -> points.stream().reduce((a, b) -> b.step() >= a.step() ? b : a).orElseThrow().value();
            case BEST -> best(points, spec.goal());
            case MEAN -> points.stream().mapToDouble(MetricPoint::value).average().orElseThrow();
        };
        if (!Double.isFinite(reward)) {
            return Score.invalid(metric + " is " + reward + ", which is not a score");
        }
        return spec.valid()
                .filter(range -> !range.contains(reward))
                .map(range -> Score.invalid(metric + " " + reward + " is outside the valid range [" + range.low() + ", "
                        + range.high() + "]: treated as reward hacking"))
                .orElse(Score.of(reward));
    }

    private static double best(List<MetricPoint> points, Goal goal) {
        Comparator<MetricPoint> byValue = Comparator.comparingDouble(MetricPoint::value);
        Optional<MetricPoint> best = goal == Goal.MINIMIZE
                ? points.stream().min(byValue)
                : points.stream().max(byValue);
        return best.orElseThrow().value();
    }
}
