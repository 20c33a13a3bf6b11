package dev.groundwork.model.spec;

import dev.groundwork.model.spec.SpecLocations.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one spec file, each placed where its value (or key) is written. */
final class Problems {

    private final String file;
    private final SpecLocations where;
    private final List<SpecProblem> found = new ArrayList<>();

    Problems(String file, SpecLocations where) {
        this.file = file;
        this.where = where;
    }

    /** A problem with the value at {@code path}, or with its absence. {@code sentence} ends with its full stop. */
    void at(String path, String sentence) {
        add(where.value(path), path, sentence);
    }

    /** A problem with the key itself, such as an unknown or badly spelled name. */
    void atKey(String path, String sentence) {
        add(where.key(path), path, sentence);
    }

    int count() {
        return found.size();
    }

    /** All problems, ordered by where they are in the file. */
    SpecException exception() {
        return new SpecException(found.stream()
                .sorted(Comparator.comparingInt(SpecProblem::line).thenComparingInt(SpecProblem::column))
                .toList());
    }

    private void add(Position at, String path, String sentence) {
        found.add(new SpecProblem(file, at.line(), at.column(), path, sentence));
    }
}
