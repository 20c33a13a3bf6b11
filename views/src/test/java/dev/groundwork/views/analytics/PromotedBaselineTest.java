package dev.groundwork.views.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.analytics.RewardPlot;
import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.views.fakes.LineageStudy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a promotion the baseline is the promoted code, not yet scored: the Analytics card (from the study's status)
 * and the reward chart (from the study's facts) must both say so, the old baseline kept on the chart as history.
 */
class PromotedBaselineTest {

    @TempDir
    Path temp;

    @Test
    void theCardAndTheChartAgreeThatAPromotedBaselineIsNotScoredYet() throws Exception {
        try (LineageStudy fixture = new LineageStudy(temp)) {
            StudyAnalytics analytics = new StudyAnalytics(fixture.study);
            double before = fixture.baselineRun.reward();
            assertThat(RewardPlot.of(analytics.facts()).baseline()).isEqualTo(before);

            fixture.study.store().promotions().add(fixture.higherLr.ideaId(), fixture.higherLr.id(), "old", "new", before,
                    0.8, 1);

            StudyStatus status = fixture.study.store().status().status(fixture.study.name(), false);
            RewardPlot plot = RewardPlot.of(analytics.facts());
            assertThat(AnalyticsViewModel.facts(status).getFirst().value()).as("the card").isEqualTo("—");
            assertThat(plot.baseline()).as("the chart's reference line").isNull();
            assertThat(plot.formerBaseline()).as("the old baseline, kept as history").isEqualTo(before);
            dev.groundwork.model.analytics.StudyFacts facts = analytics.facts();
            assertThat(analytics.lineage(facts).node(dev.groundwork.model.analytics.LineageGraph.BASELINE).orElseThrow().reward())
                    .as("the lineage's root is the original code, still scored").isEqualTo(before);
            dev.groundwork.model.analytics.Leaderboard.Row root = dev.groundwork.model.analytics.Leaderboard.of(facts).stream()
                    .filter(row -> row.parentId() == null).findFirst().orElseThrow();
            assertThat(root.vsParent()).as("a root idea against the code it was bred from")
                    .isCloseTo(root.reward() - before, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(root.vsBaseline()).as("against the current baseline, not scored yet").isNull();
        }
    }
}
