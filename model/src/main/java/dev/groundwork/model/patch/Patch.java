package dev.groundwork.model.patch;

import java.time.Instant;
import java.util.Objects;

/**
 * A unified diff implementing one idea, and what became of it.
 *
 * @param baseCommit     the baseline commit the diff applies to
 * @param parentPatchId  the parent idea's patch it builds on (code lineage), or null when it builds on the baseline
 * @param author         {@code llm:<model>}, {@code human}, {@code llm+human} or {@code catalog}
 * @param applyReport    the patch engine's result (JSON), or null before applying
 * @param preflightReport the pre-flight result (text), or null before pre-flight
 * @param commit         the commit on branch {@code gw/idea-<id>} once applied, or null
 * @param decision       the review decision, or null while undecided
 * @param appliedDiff    the diff as the engine applied it against {@code baseCommit} (clean counts, no prose), or null
 *                       before it applied; {@code diff} is the text as submitted
 */
public record Patch(
        long id,
        long ideaId,
        int attempt,
        String diff,
        String baseCommit,
        Long parentPatchId,
        String author,
        PatchStatus status,
        String applyReport,
        String preflightReport,
        String commit,
        ReviewDecision decision,
        Instant createdAt,
        Instant updatedAt,
        String appliedDiff) {

    public Patch {
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(status, "status");
    }

    /** The branch of {@code baseline/} that holds this idea's approved code. */
    public String branch() {
        return "gw/idea-" + ideaId;
    }
}
