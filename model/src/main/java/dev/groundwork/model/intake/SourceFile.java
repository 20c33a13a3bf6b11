package dev.groundwork.model.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One file of the code a study is made from, read into memory (the size limit keeps that small).
 *
 * @param path       relative, with '/'
 * @param linkTarget the target of a symbolic link that stays inside the code, else null
 */
public record SourceFile(String path, byte[] content, boolean executable, String linkTarget) {

    public static SourceFile regular(String path, byte[] content, boolean executable) {
        return new SourceFile(path, content, executable, null);
    }

    public static SourceFile link(String path, String target) {
        return new SourceFile(path, new byte[0], false, target);
    }

    public boolean isLink() {
        return linkTarget != null;
    }

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The text of a regular file that is UTF-8 with no NUL byte (git's test for binary), else empty. */
    public Optional<String> text() {
        if (isLink()) {
            return Optional.empty();
        }
        for (int i = 0; i < Math.min(content.length, 8000); i++) {
            if (content[i] == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
