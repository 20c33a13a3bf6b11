package dev.groundwork.model.spec;

import java.util.Objects;

/**
 * The agents that propose ideas and turn them into patches.
 *
 * @param maxAttempts how many times the implementer may try one idea, its errors fed back each time (1 to 10)
 */
public record AgentsSpec(AgentRef ideator, AgentRef implementer, int maxAttempts) {

    public static final AgentsSpec DEFAULT = new AgentsSpec(AgentRef.CATALOG, AgentRef.CATALOG, 3);
    public static final int MAX_ATTEMPTS_LIMIT = 10;

    public AgentsSpec {
        Objects.requireNonNull(ideator, "ideator");
        Objects.requireNonNull(implementer, "implementer");
    }
}
