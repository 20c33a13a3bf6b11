package dev.groundwork.model.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Export files written whole or not at all: a reader never sees half a file, and two exports never mix their rows. */
public final class ExportFiles {

    /** What writes a file's text. */
    @FunctionalInterface
    public interface Body {
        void write(Writer out) throws IOException;
    }

    private ExportFiles() {}

    /**
     * Writes {@code file} (its folder made when missing) through a temporary file beside it, moved into place. The
     * temporary file is made as any new file is, so the export can be read by whom the user's umask lets read their
     * files ({@code Files.createTempFile} would make it readable by its owner alone).
     */
    public static Path write(Path file, Body body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.write(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
