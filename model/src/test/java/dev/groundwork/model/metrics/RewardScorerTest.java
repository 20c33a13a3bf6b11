package dev.groundwork.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.metrics.RewardScorer.Score;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.spec.RewardSpec.Aggregate;
import dev.groundwork.model.spec.RewardSpec.Goal;
import dev.groundwork.model.spec.RewardSpec.ValidRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RewardScorerTest {

    private static final List<MetricPoint> SERIES = List.of(
            point("val_loss", 0, 4.0), point("train_loss", 0, 0.1), point("val_loss", 20, 3.0),
            point("val_loss", 10, 2.0));

    private static MetricPoint point(String name, long step, double value) {
        return new MetricPoint(1, name, step, value, step);
    }

    private static RewardSpec spec(Goal goal, Aggregate aggregate) {
        return new RewardSpec("val_loss", goal, aggregate, Optional.empty());
    }

    @Test
    void lastIsThePointAtTheHighestStep() {
        assertThat(RewardScorer.score(SERIES, spec(Goal.MINIMIZE, Aggregate.LAST))).isEqualTo(Score.of(3.0));
    }

    @Test
    void lastOfEqualStepsIsTheLaterPoint() {
        List<MetricPoint> series = List.of(point("val_loss", 5, 1.0), point("val_loss", 5, 2.0));

        assertThat(RewardScorer.score(series, spec(Goal.MINIMIZE, Aggregate.LAST)).reward()).isEqualTo(2.0);
    }

    @Test
    void bestFollowsTheGoal() {
        assertThat(RewardScorer.score(SERIES, spec(Goal.MINIMIZE, Aggregate.BEST)).reward()).isEqualTo(2.0);
        assertThat(RewardScorer.score(SERIES, spec(Goal.MAXIMIZE, Aggregate.BEST)).reward()).isEqualTo(4.0);
    }

    @Test
    void meanAveragesTheRewardMetricOnly() {
        assertThat(RewardScorer.score(SERIES, spec(Goal.MINIMIZE, Aggregate.MEAN)).reward()).isEqualTo(3.0);
    }

    @Test
    void aSeriesWithoutTheMetricIsInvalid() {
        Score score = RewardScorer.score(List.of(point("train_loss", 1, 1.0)), spec(Goal.MINIMIZE, Aggregate.LAST));

        assertThat(score.valid()).isFalse();
        assertThat(score.reward()).isNaN();
        assertThat(score.reason()).isEqualTo("no val_loss values");
    }

    @Test
    void aRewardOutsideTheValidRangeIsRewardHacking() {
        RewardSpec spec = new RewardSpec("val_loss", Goal.MINIMIZE, Aggregate.LAST,
                Optional.of(new ValidRange(0.5, 10.0)));

        assertThat(RewardScorer.score(List.of(point("val_loss", 3, 0.01)), spec).reason())
                .isEqualTo("val_loss 0.01 is outside the valid range [0.5, 10.0]: treated as reward hacking");
        assertThat(RewardScorer.score(List.of(point("val_loss", 3, 0.5)), spec)).isEqualTo(Score.of(0.5));
        assertThat(RewardScorer.score(List.of(point("val_loss", 3, 10.0)), spec)).isEqualTo(Score.of(10.0));
    }

    @Test
    void aRewardThatIsNotFiniteIsInvalid() {
        Score score = RewardScorer.score(List.of(point("val_loss", 1, 2.0), point("val_loss", 2, Double.NaN)),
                spec(Goal.MINIMIZE, Aggregate.MEAN));

        assertThat(score.reason()).isEqualTo("val_loss is NaN, which is not a score");
    }
}
