package dev.groundwork.model.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A study folder for spec tests: a real baseline with train.py, model.py, evaluate.py and data/input.txt. */
final class StudyFixture {

    private final Path dir;

    StudyFixture(Path dir) {
        this.dir = dir;
        for (String file : List.of("train.py", "model.py", "evaluate.py", "data/input.txt")) {
            write("baseline/" + file, "# " + file + "\n");
        }
    }

    Path dir() {
        return dir;
    }

    /** Writes the spec and loads it. */
    StudySpec load(String yaml) throws SpecException {
        write(SpecLoader.FILE_NAME, yaml);
        return SpecLoader.loadStudy(dir);
    }

    /** Writes the spec and returns the problems loading it reports, formatted, in order. */
    List<String> problems(String yaml) {
        try {
            load(yaml);
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::formatted).toList();
        }
        throw new AssertionError("the spec loaded without problems:\n" + yaml);
    }

    void write(String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
