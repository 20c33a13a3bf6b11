package dev.groundwork.model.intake;

import java.util.List;
import java.util.Optional;

/** The code a study is made from, as it will be committed: its files, what was left out, and where it came from. */
public record CodeSnapshot(Origin origin, List<SourceFile> files, List<LeftOut> leftOut, int ignored) {

    public CodeSnapshot {
        files = files.stream().sorted(java.util.Comparator.comparing(SourceFile::path)).toList();
        leftOut = List.copyOf(leftOut);
    }

    public Optional<SourceFile> file(String path) {
        return files.stream().filter(file -> file.path().equals(path)).findFirst();
    }

    public long bytes() {
        return files.stream().mapToLong(file -> file.content().length).sum();
    }
}
