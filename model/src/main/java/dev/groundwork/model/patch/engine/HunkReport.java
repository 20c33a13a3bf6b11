package dev.groundwork.model.patch.engine;

import java.util.List;

/**
 * What became of one hunk.
 *
 * @param number            1-based, in the file's section of the diff
 * @param statedLine        the line its header names (1-based), or null when the header has none
 * @param line              the line it applied at (1-based), or null when it failed
 * @param offset            {@code line - statedLine}, or null when either is unknown
 * @param whitespaceIgnored whether it only matched ignoring trailing whitespace
 * @param ignoredContext    context lines that differ from the file (fuzz), each with what the file has
 * @param error             why it failed, as a sentence for the model; null when it applied
 */
public record HunkReport(int number, HunkStatus status, Integer statedLine, Integer line, Integer offset,
                         boolean whitespaceIgnored, List<String> ignoredContext, String error) {

    public HunkReport {
        ignoredContext = ignoredContext == null ? List.of() : List.copyOf(ignoredContext);
    }
}
