package dev.groundwork.model.llm;

import java.time.Instant;
import java.util.Objects;

/**
 * One call to a language model, kept for audit, cost and replay.
 *
 * @param ideaId the idea it served (the implemented idea, or null for an ideator call that produced several)
 * @param error  why the call failed, or null
 */
public record LlmCall(
        long id,
        LlmRole role,
        String provider,
        String model,
        Long ideaId,
        int epoch,
        long tokensIn,
        long tokensOut,
        double costUsd,
        long latencyMs,
        String prompt,
        String response,
        String error,
        Instant createdAt) {

    public LlmCall {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        prompt = prompt == null ? "" : prompt;
        response = response == null ? "" : response;
    }
}
