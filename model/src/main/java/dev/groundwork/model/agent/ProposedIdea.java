package dev.groundwork.model.agent;

import dev.groundwork.model.idea.IdeaOrigin;
import java.util.List;
import java.util.Objects;

/**
 * An idea an ideator proposes.
 *
 * @param parents      the exemplars it was bred from (ids of existing ideas)
 * @param promptCallId the recorded LLM call whose answer held it, or null (the offline catalog)
 */
public record ProposedIdea(String title, String text, IdeaOrigin origin, List<Long> parents, Long promptCallId) {
    public ProposedIdea {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        parents = List.copyOf(parents);
    }

    public ProposedIdea(String title, String text, IdeaOrigin origin, List<Long> parents) {
        this(title, text, origin, parents, null);
    }
}
