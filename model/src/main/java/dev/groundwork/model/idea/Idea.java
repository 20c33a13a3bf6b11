package dev.groundwork.model.idea;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A research idea: what the experiment is and what code changes it needs.
 *
 * @param parents      ideas it was bred from (exemplars), oldest first
 * @param score        the researcher's 1–5 score, or null
 * @param promptCallId the LLM call whose answer produced it, or null
 */
public record Idea(
        long id,
        int epoch,
        IdeaOrigin origin,
        String title,
        String text,
        List<Long> parents,
        IdeaStatus status,
        String notes,
        Integer score,
        Long promptCallId,
        Instant createdAt,
        Instant updatedAt) {

    public Idea {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        parents = List.copyOf(parents);
        notes = notes == null ? "" : notes;
    }
}
