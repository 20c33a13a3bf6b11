package dev.groundwork.model.patch.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The files a patch applies to, read only as the patch needs them: a map in memory, a folder, or a commit. */
@FunctionalInterface
public interface BaseTree {

    /** The text of the file at {@code path} (relative, with '/'), or empty when there is no such file. */
    Optional<String> read(String path) throws IOException;

    static BaseTree of(Map<String, String> files) {
        return path -> Optional.ofNullable(files.get(path));
    }

    /** Regular files under {@code dir}; a file that is not UTF-8 text is an error rather than silently mangled. */
    static BaseTree folder(Path dir) {
        return path -> {
            Path file = dir.resolve(path);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            return Optional.of(utf8(Files.readAllBytes(file), path));
        };
    }

    /** Decodes strictly, so that a binary file is refused instead of being rewritten with replacement characters. */
    static String utf8(byte[] bytes, String path) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("'" + path + "' is not UTF-8 text; patches may only change text files", e);
        }
    }
}
