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

    /** What writes a file at the path it is given (a PNG encoder, say). */
    @FunctionalInterface
    public interface FileBody {
        void writeTo(Path file) throws IOException;
    }

    private ExportFiles() {}

    /**
     * Writes {@code file} (its folder made when missing) through a temporary file beside it, moved into place. The
     * temporary file is made as any new file is, so the export can be read by whom the user's umask lets read their
     * files ({@code Files.createTempFile} would make it readable by its owner alone).
     */
    public static Path write(Path file, Body body) throws IOException {
        return writeFile(file, temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.write(out);
            }
        });
    }

    /** Writes {@code file} as {@link #write(Path, Body)} does, {@code body} writing the temporary file at its path. */
    public static Path writeFile(Path file, FileBody body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            body.writeTo(temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
