package dev.groundwork.model.patch;

import java.util.Objects;

/** A diff to record as the next attempt for an idea; the store assigns id, attempt number and status (draft). */
public record NewPatch(long ideaId, String diff, String baseCommit, Long parentPatchId, String author) {
    public NewPatch {
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(author, "author");
    }
}
