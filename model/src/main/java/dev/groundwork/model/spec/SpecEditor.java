package dev.groundwork.model.spec;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Changes values of a study's {@code groundwork.yaml} the way a person would in an editor: only the edited values'
 * characters change, so comments, key order, quoting, flow or block style and blank lines stay as they were. A key
 * that is not written yet is added next to its siblings (a missing section as a one-line {@code { key: value }}).
 *
 * <p>A save is checked by {@link SpecLoader} before the file is touched: an edit that would make the spec invalid is
 * refused with the loader's sentences and the file is left as it was.
 */
public final class SpecEditor {

    private SpecEditor() {}

    /**
     * Applies {@code edits} in order to the text of a spec.
     *
     * @throws IllegalArgumentException the text is not YAML with a mapping at the top, or an edit's path runs through
     *                                  a value that is not a mapping (a sentence)
     */
    public static String edit(String yaml, List<SpecEdit> edits) {
        String text = yaml;
        for (SpecEdit edit : edits) {
            text = SpecEditText.parse(text).apply(edit);
        }
        return text;
    }

    /**
     * Edits {@code studyDir/groundwork.yaml} in place and returns the spec it now holds. Nothing is written unless
     * the file as it is and the file as edited both load; the new text replaces the old in one atomic move, with the
     * old file's permissions.
     *
     * @throws SpecException the file does not load now, or would not after the edits (it is unchanged)
     * @throws IOException   the file cannot be read or written
     */
    public static StudySpec save(Path studyDir, List<SpecEdit> edits) throws SpecException, IOException {
        Path file = studyDir.resolve(SpecLoader.FILE_NAME);
        String before = Files.readString(file);
        SpecLoader.parse(before, SpecLoader.FILE_NAME, studyDir); // a file broken outside Groundwork is not ours to fix
        String after = edit(before, edits);
        StudySpec spec = SpecLoader.parse(after, SpecLoader.FILE_NAME, studyDir);
        if (!after.equals(before)) {
            replace(file, after);
        }
        return spec;
    }

    private static void replace(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".groundwork", ".yaml.tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the temp file gets the folder's ACLs, as the original had
            }
            Files.writeString(temp, text);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
