package dev.groundwork.model.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardAndHealthTest {

    private final StudyFacts facts = new Facts().baseline(2.0)
            .idea(1, 0).idea(2, 0, IdeaOrigin.HUMAN, IdeaStatus.IMPLEMENTED).idea(3, 0)
            .idea(4, 1, 1L).idea(5, 1, 2L)
            .scored(1, 0, 1.8).run(1, 0, "succeeded", 1.5, null) // a repeat: never counts
            .scored(2, 0, 1.9).run(3, 0, "failed", null, "oom")
            .scored(4, 1, 1.6).run(5, 1, "succeeded", null, "reward-invalid")
            .spent(1, 0, 0.5).spent(4, 1, 0.25)
            .build(Direction.MINIMIZE);

    @Test
    void theLeaderboardRanksCountedRewardsWithDeltasOriginsAndCosts() {
        List<Leaderboard.Row> rows = Leaderboard.of(facts);

        assertThat(rows).extracting(Leaderboard.Row::ideaId).containsExactly(4L, 1L, 2L);
        Leaderboard.Row best = rows.getFirst();
        assertThat(best.rank()).isEqualTo(1);
        assertThat(best.vsParent()).isCloseTo(1.6 - 1.8, within(1e-9));
        assertThat(best.vsBaseline()).isCloseTo(1.6 - 2.0, within(1e-9));
        assertThat(best.llmUsd()).isEqualTo(0.25);
        assertThat(best.gpuHours()).isEqualTo(1.0);
        assertThat(rows.get(1).reward()).as("the first success counts, not the better repeat").isEqualTo(1.8);
        assertThat(rows.get(1).vsParent()).as("a root's parent is the baseline").isCloseTo(-0.2, within(1e-9));
        assertThat(rows.get(1).gpuHours()).as("repeats cost GPU time too").isEqualTo(2.0);
        assertThat(rows.get(2).origin()).isEqualTo(Leaderboard.Origin.HUMAN);
        assertThat(rows.get(0).label()).isEqualTo("#4 idea 4");
    }

    @Test
    void aBestOfNIdeaIsFromAnLlmWhenAnLlmCallAnsweredWithItAndFromTheCatalogOtherwise() {
        Idea fromLlm = new Idea(7, 2, IdeaOrigin.BEST_OF_N, "cosine lr", "text", List.of(), IdeaStatus.IMPLEMENTED, "",
                null, 42L, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        Idea fromCatalog = new Idea(8, 2, IdeaOrigin.BEST_OF_N, "fan-in init", "text", List.of(),
                IdeaStatus.IMPLEMENTED, "", null, null, java.time.Instant.EPOCH, java.time.Instant.EPOCH);

        assertThat(Leaderboard.origin(fromLlm, java.util.Optional.empty())).isEqualTo(Leaderboard.Origin.LLM);
        assertThat(Leaderboard.origin(fromCatalog, java.util.Optional.empty())).isEqualTo(Leaderboard.Origin.CATALOG);
    }

    @Test
    void healthCountsTheFunnelFailuresSpendAndGainPerEpoch() {
        List<EpochHealth> epochs = EpochHealth.of(facts);

        assertThat(epochs).extracting(EpochHealth::epoch).containsExactly(0, 1);
        EpochHealth first = epochs.getFirst();
        assertThat(first.proposed()).isEqualTo(3);
        assertThat(first.implemented()).isEqualTo(3);
        assertThat(first.ran()).isEqualTo(3);
        assertThat(first.succeeded()).isEqualTo(2);
        assertThat(first.failures()).containsExactly(java.util.Map.entry("oom", 1));
        assertThat(first.bestSoFar()).isEqualTo(1.8);
        assertThat(first.gain()).isCloseTo(0.2, within(1e-9));
        assertThat(first.gainPerUsd()).isCloseTo(0.2 / 0.5, within(1e-9));
        EpochHealth second = epochs.get(1);
        assertThat(second.bestSoFar()).isEqualTo(1.6);
        assertThat(second.failures()).isEmpty(); // an invalid reward is a success without a score, not a failed run
        assertThat(second.gainPerUsd()).isCloseTo(0.4 / 0.75, within(1e-9));
        assertThat(second.gainPerGpuHour()).as("baseline hour and six run hours").isCloseTo(0.4 / (1.0 / 60 + 6), within(1e-9));
    }

    @Test
    void theRewardPlotKeepsFailedInvalidAndRepeatedRunsMarked() {
        RewardPlot plot = RewardPlot.of(facts);

        RewardPlot.Lane lane = plot.lanes().get(RewardPlot.Strategy.EVOLVE);
        assertThat(lane.points()).extracting(RewardPlot.Point::kind).containsExactly(RewardPlot.Kind.COUNTED,
                RewardPlot.Kind.REPEAT, RewardPlot.Kind.COUNTED, RewardPlot.Kind.FAILED, RewardPlot.Kind.COUNTED,
                RewardPlot.Kind.INVALID);
        assertThat(lane.epochs()).extracting(RewardPlot.EpochLine::bestSoFar).containsExactly(1.8, 1.6);
        assertThat(lane.epochs()).extracting(RewardPlot.EpochLine::median).containsExactly(1.85, 1.6);
        assertThat(plot.baseline()).isEqualTo(2.0);
        assertThat(plot.lanes()).containsOnlyKeys(RewardPlot.Strategy.EVOLVE);
    }
}
