package dev.groundwork.runners.llm;

import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.llm.LlmCallLog;
import dev.groundwork.model.llm.LlmRole;
import dev.groundwork.model.llm.NewLlmCall;

/**
 * Makes one model call and records it in the study's ledger before anyone uses the answer, failed calls included (with
 * their error sentence and whatever tokens they still cost). One row per call: retries inside the client are part of
 * it, and its latency is what the caller waited, back-off included.
 */
final class CallRecorder {

    /** A recorded call and its answer; {@code failure} is set instead of {@code reply} when there was none. */
    record Outcome(LlmCall call, LlmReply reply, LlmException failure) {
        boolean ok() {
            return reply != null;
        }
    }

    private final LlmClient client;
    private final LlmCallLog log;
    private final Pricing pricing;
    private final LlmRole role;
    private final String roleKey;

    CallRecorder(LlmClient client, LlmCallLog log, Pricing pricing, LlmRole role, String roleKey) {
        this.client = client;
        this.log = log;
        this.pricing = pricing;
        this.role = role;
        this.roleKey = roleKey;
    }

    Outcome call(LlmPrompt prompt, Long ideaId, int epoch) {
        LlmSettings settings = client.settings();
        try {
            LlmReply reply = client.complete(prompt);
            double cost = pricing.cost(settings.provider(), settings.model(), reply.tokensIn(), reply.tokensOut());
            LlmCall call = log.record(new NewLlmCall(role, settings.provider().wireName(), settings.model(), ideaId,
                    epoch, reply.tokensIn(), reply.tokensOut(), cost, reply.latencyMs(), prompt.transcript(),
                    reply.raw(), null));
            return new Outcome(call, reply, null);
        } catch (LlmException e) {
            double cost = pricing.cost(settings.provider(), settings.model(), e.tokensIn(), e.tokensOut());
            LlmCall call = log.record(new NewLlmCall(role, settings.provider().wireName(), settings.model(), ideaId,
                    epoch, e.tokensIn(), e.tokensOut(), cost, e.latencyMs(), prompt.transcript(), e.response(),
                    e.sentence(roleKey)));
            return new Outcome(call, null, e);
        }
    }

    LlmSettings settings() {
        return client.settings();
    }

    String roleKey() {
        return roleKey;
    }
}
