package dev.groundwork.model.intake;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a study's code comes from: a folder, or a git repository at an optional revision ({@code PATH@REV}). A path
 * that exists as written is never split, so folders whose names hold '@' still work.
 */
public record CodeLocation(Path path, Optional<String> revision) {

    public static CodeLocation parse(String text) throws IntakeException {
        int at = text.lastIndexOf('@');
        if (at > 0 && !exists(text)) {
            String revision = text.substring(at + 1);
            if (revision.isBlank()) {
                throw new IntakeException("'" + text + "' ends with '@' but names no revision; write PATH@REV, e.g."
                        + " ../mycode@main, or leave '@' out.");
            }
            return new CodeLocation(path(text.substring(0, at)), Optional.of(revision));
        }
        return new CodeLocation(path(text), Optional.empty());
    }

    private static boolean exists(String text) {
        try {
            return Files.exists(Path.of(text));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static Path path(String text) throws IntakeException {
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IntakeException("'" + text + "' is not a path; name the folder that holds your code.");
        }
    }

    @Override
    public String toString() {
        return path + revision.map(rev -> "@" + rev).orElse("");
    }
}
