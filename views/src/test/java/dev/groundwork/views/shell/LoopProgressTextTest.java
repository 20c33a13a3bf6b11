package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.groundwork.model.search.EpochProgress;
import org.junit.jupiter.api.Test;

/**
 * The status bar names an epoch by its stored number, counted from 0 as the Ideas and Runs tables and the exports do,
 * and says how far the loop is as a count beside it, never a 1-based number that reads like an epoch's.
 */
class LoopProgressTextTest {

    @Test
    void anEpochIsNamedByItsStoredNumberWithTheCountOfEpochsBesideIt() {
        assertThat(LoopProgressText.describe(new EpochProgress(0, 3, "propose", 1, 4, 0, 0, 0, null, 1.21)))
                .isEqualTo("Epoch 0 (1 of 3) · proposing 1 of 4 ideas");
        assertThat(LoopProgressText.describe(new EpochProgress(2, 3, "done", 4, 4, 4, 4, 4, 0.9786, 1.21)))
                .isEqualTo("Epoch 2 (3 of 3) · epoch done · best 0.9786 (baseline 1.2100)");
    }

    @Test
    void theFractionCountsTheEpochsDoneAndHowFarTheCurrentOneIs() {
        assertThat(LoopProgressText.fraction(new EpochProgress(0, 2, "propose", 0, 4, 0, 0, 0, null, null)))
                .isCloseTo(0.05 / 2, within(1e-9));
        assertThat(LoopProgressText.fraction(new EpochProgress(1, 2, "done", 4, 4, 4, 4, 4, null, null))).isEqualTo(1);
    }
}
