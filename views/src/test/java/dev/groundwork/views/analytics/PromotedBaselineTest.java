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
        }
    }
}
