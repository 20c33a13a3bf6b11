package dev.groundwork.model.llm;

import dev.groundwork.model.common.WireNames;

/** What an LLM call was for. */
public enum LlmRole {
    IDEATOR, IMPLEMENTER;

    public String wireName() {
        return WireNames.of(this);
    }

    public static LlmRole fromWire(String wire) {
        return WireNames.parse(LlmRole.class, wire);
    }
}
