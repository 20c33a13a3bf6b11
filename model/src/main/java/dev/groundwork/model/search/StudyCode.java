package dev.groundwork.model.search;

import dev.groundwork.model.dispatch.CodeCheckout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The study's code under research, as the loop needs it: files at a commit, patches applied and committed, checkouts. */
public interface StudyCode extends CodeCheckout {

    /** Every file of a commit, path → text (binary files left out). */
    Map<String, String> files(String commit) throws IOException;

    /**
     * Applies {@code diff} (as an LLM or a human wrote it) to {@code baseCommit} under the spec's path rules and, when it
     * applies, commits the result as branch {@code gw/idea-<ideaId>}. Never throws for a bad diff: the outcome says why.
     */
    Applied apply(long ideaId, String diff, String baseCommit) throws IOException;

    /** Applies {@code diff} to {@code baseCommit} without committing anything: does it apply, and how. */
    Applied tryApply(String diff, String baseCommit) throws IOException;

    /**
     * Applies the diffs one after another to {@code baseCommit} and renders the combination as one diff; empty when one
     * does not apply on top of the others (they conflict).
     */
    java.util.Optional<String> compose(List<String> diffs, String baseCommit) throws IOException;


    /**
     * What applying did.
     *
     * @param cleanDiff    the diff re-rendered from the result (counts and offsets fixed); null when it failed
     * @param report       the engine's structured result as JSON, for the database
     * @param summary      one paragraph for a person or a model: what applied, with which offsets, what failed and why
     * @param commit       the new commit, or null when it failed
     * @param changedFiles paths the patch changes (new and modified; deleted ones left out)
     */
    record Applied(boolean ok, String cleanDiff, String report, String summary, String commit, List<String> changedFiles) {
        public Applied {
            changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
        }
    }
}
