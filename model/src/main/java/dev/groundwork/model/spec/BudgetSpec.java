package dev.groundwork.model.spec;

import java.util.Objects;
import java.util.OptionalDouble;

/** Limits that stop the loop once spent; an empty limit is no limit. */
public record BudgetSpec(OptionalDouble llmUsd, OptionalDouble gpuHours) {

    public static final BudgetSpec UNLIMITED = new BudgetSpec(OptionalDouble.empty(), OptionalDouble.empty());

    public BudgetSpec {
        Objects.requireNonNull(llmUsd, "llmUsd");
        Objects.requireNonNull(gpuHours, "gpuHours");
    }
}
