package dev.groundwork.model.agent;

import dev.groundwork.model.idea.Idea;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an implementer sees for one attempt.
 *
 * @param editableFiles    path (relative to the code base) → content, editable files only; protected files withheld
 * @param parentDiffs      the approved diffs of the idea's parents, in parent order (for crossover)
 * @param previousAttempts earlier attempts for this idea with why each failed, oldest first
 * @param reviewerComment  a reviewer's "regenerate with a comment", if any
 * @param runFailure       the traceback of a run of the previous attempt that crashed early, if any
 */
public record ImplementationRequest(
        Idea idea,
        Map<String, String> editableFiles,
        List<String> parentDiffs,
        List<FailedAttempt> previousAttempts,
        Optional<String> reviewerComment,
        Optional<String> runFailure) {

    public ImplementationRequest {
        editableFiles = Map.copyOf(editableFiles);
        parentDiffs = List.copyOf(parentDiffs);
        previousAttempts = List.copyOf(previousAttempts);
    }

    /** A diff that did not make it, and the error text that goes back to the implementer. */
    public record FailedAttempt(String diff, String error) {}
}
