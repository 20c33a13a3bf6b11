package dev.groundwork.views.runs;

import dev.groundwork.model.run.MetricPoint;
import java.util.ArrayList;
import java.util.List;

/** Thins a metric series for drawing: at most about {@code max} points, keeping each bucket's lowest and highest value. */
public final class RunCurve {

    private RunCurve() {}

    /**
     * The series itself when it has at most {@code max} points; otherwise the first and last point and, for each of
     * {@code max / 2 - 1} buckets in between, its minimum and maximum in step order (so spikes stay visible).
     */
    public static List<MetricPoint> decimate(List<MetricPoint> series, int max) {
        if (max < 4 || series.size() <= max) {
            return List.copyOf(series);
        }
        int buckets = max / 2 - 1;
        int inner = series.size() - 2;
        List<MetricPoint> kept = new ArrayList<>(max);
        kept.add(series.getFirst());
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) inner * b / buckets);
            int to = 1 + (int) ((long) inner * (b + 1) / buckets);
            if (from >= to) {
                continue;
            }
            int low = from;
            int high = from;
            for (int i = from; i < to; i++) {
                if (series.get(i).value() < series.get(low).value()) {
                    low = i;
                }
                if (series.get(i).value() > series.get(high).value()) {
                    high = i;
                }
            }
            kept.add(series.get(Math.min(low, high)));
            if (low != high) {
                kept.add(series.get(Math.max(low, high)));
            }
        }
        kept.add(series.getLast());
        return List.copyOf(kept);
    }
}
