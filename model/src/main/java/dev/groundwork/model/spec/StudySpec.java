package dev.groundwork.model.spec;

import java.util.Objects;

/**
 * A study's {@code groundwork.yaml}, read and checked by {@link SpecLoader}: every optional key already holds its
 * default, so callers never test for absence. docs/spec.md describes each key.
 *
 * @param description one paragraph about the study; empty when not given
 */
public record StudySpec(
        String name,
        String description,
        BaselineSpec baseline,
        RunSpec run,
        MetricsSpec metrics,
        RewardSpec reward,
        SearchSpec search,
        AgentsSpec agents,
        GatesSpec gates,
        BudgetSpec budget) {

    public StudySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(budget, "budget");
    }
}
