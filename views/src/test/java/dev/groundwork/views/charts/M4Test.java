package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** M4 decimation, checked on many random series: every pixel column keeps its first, last, lowest and highest point. */
class M4Test {

    @Test
    void everyColumnKeepsItsFirstLastMinimumAndMaximum() {
        Random random = new Random(11);
        for (int trial = 0; trial < 400; trial++) {
            int length = 1 + random.nextInt(trial < 200 ? 3_000 : 40);
            double[] x = new double[length];
            double[] y = new double[length];
            double at = random.nextDouble() * 10;
            for (int i = 0; i < length; i++) {
                at += random.nextInt(4) == 0 ? 0 : random.nextDouble() * 3; // repeated x values too
                x[i] = at;
                y[i] = random.nextGaussian() + (random.nextInt(200) == 0 ? 50 * random.nextGaussian() : 0); // spikes
            }
            int columns = 1 + random.nextInt(300);
            boolean whole = random.nextBoolean();
            double from = whole ? x[0] : x[0] + random.nextDouble() * (x[length - 1] - x[0]) / 2;
            double to = whole ? x[length - 1] : from + random.nextDouble() * (x[length - 1] - from);
            if (!(to > from)) {
                continue;
            }
            int[] kept = M4.keep(x, y, length, from, to, columns);

            assertThat(kept).as("ascending, no index twice").isSorted().doesNotHaveDuplicates();
            assertThat(kept.length).isLessThanOrEqualTo(4 * columns + 2);
            double width = (to - from) / columns;
            for (int column = 0; column < columns; column++) {
                int first = -1;
                int last = -1;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < length; i++) {
                    if (x[i] >= from && x[i] <= to && Math.min(columns - 1, (int) ((x[i] - from) / width)) == column) {
                        first = first < 0 ? i : first;
                        last = i;
                        min = Math.min(min, y[i]);
                        max = Math.max(max, y[i]);
                    }
                }
                if (first < 0) {
                    continue;
                }
                int lo = first;
                int hi = last;
                int[] inColumn = Arrays.stream(kept).filter(i -> i >= lo && i <= hi).toArray();
                double keptMin = Arrays.stream(inColumn).mapToDouble(i -> y[i]).min().orElseThrow();
                double keptMax = Arrays.stream(inColumn).mapToDouble(i -> y[i]).max().orElseThrow();
                assertThat(inColumn).as("trial %d column %d", trial, column).contains(first, last);
                assertThat(keptMin).as("trial %d column %d min", trial, column).isEqualTo(min);
                assertThat(keptMax).as("trial %d column %d max", trial, column).isEqualTo(max);
            }
        }
    }

    @Test
    void aMillionPointsBecomeAtMostFourPerColumnPlusTheNeighboursOfTheView() {
        int length = 1_000_000;
        double[] x = new double[length];
        double[] y = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = i;
            y[i] = Math.exp(-i / 200_000.0) + (i == 777_777 ? 9 : 0);
        }
        int[] kept = M4.keep(x, y, length, 1000, 900_000, 800);

        assertThat(kept.length).isLessThanOrEqualTo(4 * 800 + 2);
        assertThat(kept[0]).as("the point before the view, so the line enters it").isEqualTo(999);
        assertThat(kept[kept.length - 1]).as("the point after it").isEqualTo(900_001);
        assertThat(kept).as("the spike survives").contains(777_777);
    }
}
