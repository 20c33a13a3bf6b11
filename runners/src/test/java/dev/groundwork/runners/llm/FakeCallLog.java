package dev.groundwork.runners.llm;

import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.llm.LlmCallLog;
import dev.groundwork.model.llm.NewLlmCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The study's ledger in memory; thread-safe, as the ideator records from several threads. */
final class FakeCallLog implements LlmCallLog {

    private final List<LlmCall> calls = new ArrayList<>();

    @Override
    public synchronized LlmCall record(NewLlmCall call) {
        LlmCall recorded = new LlmCall(calls.size() + 1, call.role(), call.provider(), call.model(), call.ideaId(),
                call.epoch(), call.tokensIn(), call.tokensOut(), call.costUsd(), call.latencyMs(), call.prompt(),
                call.response(), call.error(), Instant.EPOCH);
        calls.add(recorded);
        return recorded;
    }

    synchronized List<LlmCall> calls() {
        return List.copyOf(calls);
    }

    synchronized LlmCall last() {
        return calls.getLast();
    }
}
