package dev.groundwork.model.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The code a study is made from, as it will be committed: its files, what was left out, and where it came from. */
public record CodeSnapshot(Origin origin, List<SourceFile> files, List<LeftOut> leftOut, int ignored) {

    public CodeSnapshot {
        files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        leftOut = List.copyOf(leftOut);
    }

    public Optional<SourceFile> file(String path) {
        return files.stream().filter(file -> file.path().equals(path)).findFirst();
    }

    public long bytes() {
        return files.stream().mapToLong(file -> file.content().length).sum();
    }

    /** The same code without {@code paths}, which are listed as left out by the researcher. */
    public CodeSnapshot without(Set<String> paths) {
        List<LeftOut> out = new ArrayList<>(leftOut);
        files.stream().filter(file -> paths.contains(file.path()))
                .forEach(file -> out.add(new LeftOut(file.path(), LeftOut.Reason.CHOSEN, file.content().length)));
        return new CodeSnapshot(origin, files.stream().filter(file -> !paths.contains(file.path())).toList(), out,
                ignored);
    }

    /** Writes the files into {@code dir} as they are (links as links, the executable bit kept). */
    public void writeTo(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        for (SourceFile file : files) {
            Path destination = root.resolve(file.path()).normalize();
            if (!destination.startsWith(root)) {
                throw new IOException("'" + file.path() + "' would land outside " + root);
            }
            Files.createDirectories(destination.getParent());
            if (file.isLink()) {
                Files.createSymbolicLink(destination, Path.of(file.linkTarget()));
            } else {
                Files.write(destination, file.content());
                if (file.executable()) {
                    destination.toFile().setExecutable(true);
                }
            }
        }
    }
}
