package dev.groundwork.model.execution;

import java.util.Optional;

/**
 * Whether a host answers and can take runs, as its last check found.
 *
 * @param problem why it cannot take runs, as a sentence that says what to do; empty when healthy
 * @param facts   what the check learned (API version, GPUs, runtimes…), one line each, for a host test
 */
public record HostHealth(Optional<String> problem, java.util.List<String> facts) {

    public HostHealth {
        facts = java.util.List.copyOf(facts);
    }

    public static HostHealth healthy(java.util.List<String> facts) {
        return new HostHealth(Optional.empty(), facts);
    }

    public static HostHealth unhealthy(String problem) {
        return new HostHealth(Optional.of(problem), java.util.List.of());
    }

    public boolean healthy() {
        return problem.isEmpty();
    }
}
