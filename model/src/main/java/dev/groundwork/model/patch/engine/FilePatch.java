package dev.groundwork.model.patch.engine;

import java.util.List;

/**
 * The part of a diff that changes one file.
 *
 * @param oldPath   the path before, relative to the baseline; null for a new file
 * @param newPath   the path after; null for a deleted file (otherwise equal to {@code oldPath}: renames are refused)
 * @param mode      the mode the diff gives the file, or null when it says nothing
 * @param crlfAware whether the diff's own line endings say which added lines end in CR LF (a git diff of a CR LF file);
 *                  when false, added lines take the line ending most of the file uses
 */
public record FilePatch(String oldPath, String newPath, FileMode mode, List<Hunk> hunks, boolean crlfAware) {

    public FilePatch {
        hunks = List.copyOf(hunks);
    }

    public String path() {
        return newPath != null ? newPath : oldPath;
    }

    public boolean creates() {
        return oldPath == null;
    }

    public boolean deletes() {
        return newPath == null;
    }
}
