package dev.groundwork.model.patch;

import java.time.Instant;
import java.util.Objects;

/** Who decided on a patch, when, and why. */
public record ReviewDecision(String decidedBy, Instant decidedAt, String comment) {
    public ReviewDecision {
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        comment = comment == null ? "" : comment;
    }
}
