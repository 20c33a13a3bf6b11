package dev.groundwork.model.run;

/** One value of one metric of one run at one step; {@code wallTime} is seconds since the run started. */
public record MetricPoint(long runId, String name, long step, double value, double wallTime) {
    public MetricPoint {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A metric point needs a name.");
        }
    }
}
