package dev.groundwork.model.idea;

import dev.groundwork.model.common.WireNames;

/** Where an idea came from. */
public enum IdeaOrigin {
    HUMAN, LLM_EXPLORE, LLM_EXPLOIT, CATALOG, BEST_OF_N;

    public String wireName() {
        return WireNames.of(this);
    }

    public static IdeaOrigin fromWire(String wire) {
        return WireNames.parse(IdeaOrigin.class, wire);
    }
}
