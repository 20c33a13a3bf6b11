package dev.groundwork.model.llm;

import java.util.Objects;

/** A finished LLM call to record; the store assigns id and time. */
public record NewLlmCall(
        LlmRole role, String provider, String model, Long ideaId, int epoch,
        long tokensIn, long tokensOut, double costUsd, long latencyMs,
        String prompt, String response, String error) {

    public NewLlmCall {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }
}
