package dev.groundwork.bench.patch;

import dev.groundwork.model.patch.engine.BaseTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Pairs of real source files: the same path in two releases of a project, with different text. */
public final class CorpusFiles {

    /** One file in an older and a newer release. */
    public record Pair(String path, String before, String after) {}

    private CorpusFiles() {}

    /** Files under both folders whose text differs, by path; files that are not UTF-8 text are left out. */
    public static List<Pair> differing(Path older, Path newer) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(older)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = older.relativize(file).toString().replace('\\', '/');
                Path other = newer.resolve(path);
                if (!Files.isRegularFile(other)) {
                    continue;
                }
                Optional<String> before = text(Files.readAllBytes(file));
                Optional<String> after = text(Files.readAllBytes(other));
                if (before.isPresent() && after.isPresent() && !before.equals(after)) {
                    pairs.add(new Pair(path, before.get(), after.get()));
                }
            }
        }
        return pairs;
    }

    private static Optional<String> text(byte[] bytes) {
        try {
            return Optional.of(BaseTree.utf8(bytes, ""));
        } catch (IOException latin1) {
            return Optional.empty(); // some projects keep Latin-1 sources; patches are UTF-8
        }
    }
}
