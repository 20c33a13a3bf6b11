package dev.groundwork.model.inbox;

import java.util.List;
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

    /**
     * Ideas the study's implementer can write a patch for, to suggest when a researcher seeds one: the offline catalog's
     * ideas when the implementer is the catalog (it implements only those); none for an LLM, which implements anything.
     */
    default List<Suggestion> seedSuggestions() {
        return List.of();
    }

    /** A title to seed, with its text. */
    record Suggestion(String title, String text) {}
}
