package dev.groundwork.model.inbox;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.Ideator;

/**
 * The study's ideator as the Ideas page uses it: named at once (for the generate dialog), built only when ideas are
 * asked for, so that a missing API key is a sentence when the researcher generates, not when the study opens.
 */
public interface IdeatorSource {

    /** What the researcher sees: "offline catalog", "openai:gpt-4o"… */
    String name();

    /** The ideator; an {@link AgentException} says what to fix first (a missing key, an unknown provider…). */
    Ideator open() throws AgentException;
}
