package dev.groundwork.views.analytics;

import dev.groundwork.model.history.Bucket;
import java.util.List;

/**
 * One run's curve of one metric as the chart draws it: against step and against wall time (seconds since its first
 * point), from the buckets the database thinned it to (each bucket's first point, its lowest and highest value, its
 * last point). {@code second}: the page's second metric, drawn with the run's first.
 */
public record CurveData(String name, long runId, String metric, double[] steps, double[] seconds, double[] values,
                        boolean reference, boolean second) {

    public static CurveData of(String name, long runId, String metric, List<Bucket> buckets, boolean reference,
                               boolean second) {
        int capacity = buckets.size() * 4;
        double[] steps = new double[capacity];
        double[] walls = new double[capacity];
        double[] values = new double[capacity];
        int n = 0;
        double start = buckets.isEmpty() ? 0 : buckets.getFirst().firstWall();
        for (Bucket bucket : buckets) {
            double wallFrom = bucket.firstWall() - start;
            double wallTo = bucket.lastWall() - start;
            n = put(steps, walls, values, n, bucket.firstStep(), wallFrom, bucket.first());
            if (bucket.count() > 2) {
                // Where in the bucket its extremes lie is not kept; half way is within the same pixel column.
                double midStep = (bucket.firstStep() + bucket.lastStep()) / 2.0;
                double midWall = (wallFrom + wallTo) / 2;
                boolean falling = bucket.last() < bucket.first();
                n = put(steps, walls, values, n, midStep, midWall, falling ? bucket.max() : bucket.min());
                n = put(steps, walls, values, n, midStep, midWall, falling ? bucket.min() : bucket.max());
            }
            if (bucket.count() > 1) {
                n = put(steps, walls, values, n, bucket.lastStep(), wallTo, bucket.last());
            }
        }
        return new CurveData(name, runId, metric, java.util.Arrays.copyOf(steps, n), java.util.Arrays.copyOf(walls, n),
                java.util.Arrays.copyOf(values, n), reference, second);
    }

    private static int put(double[] steps, double[] walls, double[] values, int n, double step, double wall, double value) {
        steps[n] = step;
        walls[n] = wall;
        values[n] = value;
        return n + 1;
    }

    public int size() {
        return values.length;
    }
}
