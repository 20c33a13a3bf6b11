package dev.groundwork.model.metrics;

import dev.groundwork.model.spec.MetricsSpec;
import java.util.List;

/**
 * Reads the metric values a run reports from its output, one line at a time. It sees every line of every run, so an
 * ordinary log line costs a character check (JSONL) or one regex search (regex), and no exception.
 *
 * <p>Values that are NaN or infinite are left out: the store keeps finite reals only (SQLite turns NaN into NULL), and
 * one such point would fail the whole batch it is written with. A run whose loss diverges to NaN therefore reports no
 * further points for it.
 */
public sealed interface MetricParser permits JsonlMetricParser, RegexMetricParser {

    /** One metric value at one step. */
    record Value(String name, long step, double value) {}

    /** The metric values on this line (without its line break), in the order the line gives them; empty when none. */
    List<Value> parse(String line);

    static MetricParser of(MetricsSpec spec) {
        return switch (spec.parser()) {
            case JSONL -> new JsonlMetricParser();
            case REGEX -> new RegexMetricParser(spec.regex().orElseThrow(
                    () -> new IllegalArgumentException("metrics.parser is regex but metrics.regex is missing.")));
        };
    }
}
