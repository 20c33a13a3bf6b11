package dev.groundwork.model.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * How metric points are read from a run's output.
 *
 * @param regex the line pattern; in a loaded spec, present exactly when {@code parser} is {@link Parser#REGEX}
 */
public record MetricsSpec(Parser parser, Optional<MetricRegex> regex) {

    /** JSONL: stdout lines that are JSON objects; REGEX: lines matched by {@link MetricRegex}. */
    public enum Parser { JSONL, REGEX }

    public MetricsSpec {
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(regex, "regex");
    }
}
