package dev.groundwork.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.search.EpochProgress;
import org.junit.jupiter.api.Test;

/**
 * The CLI's progress line names an epoch by its stored number, counted from 0 as the summary table, {@code status}
 * and the exports do, with the count of epochs beside it.
 */
class ProgressPrinterTest {

    @Test
    void anEpochIsNamedByItsStoredNumberWithTheCountOfEpochsBesideIt() {
        assertThat(ProgressPrinter.line(new EpochProgress(0, 2, "propose", 0, 4, 0, 0, 0, null, 1.21)))
                .isEqualTo("epoch 0 (1 of 2) ░░░░░░░░░░░░░░░░░░░░░░░░  propose   ideas 0/4 · implemented 0 · runs 0/0"
                        + " · best — (baseline 1.2100)");
        assertThat(ProgressPrinter.line(new EpochProgress(1, 2, "run", 4, 4, 4, 1, 4, 0.9786, 1.21)))
                .startsWith("epoch 1 (2 of 2) ")
                .endsWith("run       ideas 4/4 · implemented 4 · runs 1/4 · best 0.9786 (baseline 1.2100)");
    }
}
