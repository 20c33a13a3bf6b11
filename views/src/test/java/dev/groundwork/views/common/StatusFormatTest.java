package dev.groundwork.views.common;

import static dev.groundwork.views.fakes.Statuses.counts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusFormatTest {

    @Test
    void breakdownListsNonZeroStatusesInTheModelsOrder() {
        assertThat(StatusFormat.breakdown(counts("total", 12, "proposed", 3, "approved", 0, "implemented", 9)))
                .isEqualTo("3\u00a0proposed\u00a0· 9\u00a0implemented");
        assertThat(StatusFormat.breakdown(counts("total", 0))).isEqualTo("none yet");
    }

    @Test
    void totalFallsBackToTheSum() {
        assertThat(StatusFormat.total(counts("total", 12, "proposed", 3))).isEqualTo(12);
        assertThat(StatusFormat.total(counts("proposed", 3, "implemented", 4))).isEqualTo(7);
    }

    @Test
    void numbersUseAPointAndNoTrailingZeros() {
        assertThat(StatusFormat.decimal(1.30216)).isEqualTo("1.3022");
        assertThat(StatusFormat.decimal(2.0)).isEqualTo("2");
        assertThat(StatusFormat.decimal(-0.2198)).isEqualTo("-0.2198");
        assertThat(StatusFormat.decimal(-0.00001)).as("no negative zero").isEqualTo("0");
        assertThat(StatusFormat.decimal(1200)).isEqualTo("1200");
        assertThat(StatusFormat.hours(2.41667)).isEqualTo("2.42");
        assertThat(StatusFormat.usd(0.4213)).isEqualTo("$0.4213");
        assertThat(StatusFormat.usd(12.5)).isEqualTo("$12.50");
        assertThat(StatusFormat.decimal(0.99025)).as("half up, like the CLI").isEqualTo("0.9903");
    }
}
