package dev.groundwork.model.agent;

import dev.groundwork.model.idea.IdeaOrigin;
import java.util.List;
import java.util.Objects;

/** An idea an ideator proposes; {@code parents} are the exemplars it was bred from (ids of existing ideas). */
public record ProposedIdea(String title, String text, IdeaOrigin origin, List<Long> parents) {
    public ProposedIdea {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        parents = List.copyOf(parents);
    }
}
