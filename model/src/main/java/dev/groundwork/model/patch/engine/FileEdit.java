package dev.groundwork.model.patch.engine;

/**
 * What a patch does to one file.
 *
 * @param before the content before, or null for a new file
 * @param after  the content after, or null for a deleted file
 * @param mode   the mode the patch gives the file, or null to keep it (new files are then regular)
 */
public record FileEdit(String path, String before, String after, FileMode mode) {

    public boolean creates() {
        return before == null;
    }

    public boolean deletes() {
        return after == null;
    }
}
