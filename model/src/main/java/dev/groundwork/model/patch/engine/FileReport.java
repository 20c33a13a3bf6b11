package dev.groundwork.model.patch.engine;

import java.util.List;

/**
 * What became of one file's section of a diff; a failed hunk fails the file.
 *
 * @param error why the file as a whole failed (it exists already, it does not exist…); null otherwise
 */
public record FileReport(String path, FileChange change, boolean applied, String error, List<HunkReport> hunks) {

    public FileReport {
        hunks = hunks == null ? List.of() : List.copyOf(hunks);
    }
}
