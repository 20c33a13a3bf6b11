package dev.groundwork.model.idea;

import java.util.List;
import java.util.Objects;

/** What it takes to propose an idea; the store assigns id, status (proposed) and times. */
public record NewIdea(int epoch, IdeaOrigin origin, String title, String text, List<Long> parents, Long promptCallId) {

    public NewIdea {
        Objects.requireNonNull(origin, "origin");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("An idea needs a title.");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("An idea's epoch cannot be negative.");
        }
        text = text == null ? "" : text;
        parents = List.copyOf(parents);
    }

    public NewIdea(int epoch, IdeaOrigin origin, String title, String text) {
        this(epoch, origin, title, text, List.of(), null);
    }
}
