package dev.groundwork.model.llm;

/** Where LLM adapters record every call they make (the study's store), before anyone uses the answer. */
@FunctionalInterface
public interface LlmCallLog {

    /** Persists the call and returns it with its id. */
    LlmCall record(NewLlmCall call);
}
