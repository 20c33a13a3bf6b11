package dev.groundwork.model.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks the {@code baseline} section: its folder is inside the study and there, its patterns stay inside it, and no
 * file in it is both editable and protected.
 */
final class BaselineValidator {

    private static final String BOTH = "a file cannot be both editable and protected.";

    private final Path studyDir;
    private final Problems problems;

    BaselineValidator(Problems problems, Path studyDir) {
        this.problems = problems;
        this.studyDir = studyDir;
    }

    BaselineSpec validate(SpecDocument.Baseline baseline) {
        int before = problems.count();
        Path path = baselinePath(baseline.path());
        boolean pathOk = problems.count() == before;
        List<Glob> editable = baseline.editable() == null
                ? BaselineSpec.DEFAULT_EDITABLE
                : globs("baseline.editable", baseline.editable());
        if (baseline.editable() != null && baseline.editable().isEmpty()) {
            problems.at("baseline.editable", "is empty; list the files the implementer may change, e.g. "
                    + "[\"train.py\"], or leave the key out to let it change every .py file.");
        }
        List<Glob> protectedPaths = baseline.protectedPaths() == null
                ? List.of()
                : globs("baseline.protected", baseline.protectedPaths());
        BaselineSpec spec = new BaselineSpec(path, editable, protectedPaths);
        // the default editable pattern leaves protected files out, so only a written list can overlap
        if (pathOk && folderExists(path) && problems.count() == before && baseline.editable() != null) {
            overlaps(spec);
        }
        return spec;
    }

    private Path baselinePath(String written) {
        if (written == null) {
            return BaselineSpec.DEFAULT_PATH;
        }
        Optional<Path> path = insideStudy(written);
        if (path.isEmpty()) {
            problems.at("baseline.path", "'" + written + "' is not a folder inside the study; write its path "
                    + "relative to the study folder, e.g. baseline.");
        }
        return path.orElse(BaselineSpec.DEFAULT_PATH);
    }

    private static Optional<Path> insideStudy(String written) {
        try {
            Path path = Path.of(written).normalize();
            boolean inside = !written.isBlank() && !path.isAbsolute() && !path.startsWith("..")
                    && !path.toString().isEmpty();
            return inside ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private List<Glob> globs(String path, List<String> patterns) {
        List<Glob> globs = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            String entry = path + "[" + i + "]";
            if (pattern == null || pattern.isBlank()) {
                problems.at(entry, SpecValidator.EMPTY_ENTRY);
            } else if (pattern.startsWith("/") || Arrays.asList(pattern.split("/")).contains("..")) {
                problems.at(entry, "'" + pattern + "' reaches outside the baseline folder; write patterns "
                        + "relative to it, e.g. train.py or src/**/*.py.");
            } else {
                globs.add(Glob.of(pattern));
            }
        }
        return globs;
    }

    /** Reports a missing baseline folder; true when it is there. */
    private boolean folderExists(Path baseline) {
        Path dir = studyDir.resolve(baseline);
        if (Files.isDirectory(dir)) {
            return true;
        }
        problems.at("baseline.path", Files.exists(dir)
                ? "'" + baseline + "' is a file, not a folder; point baseline.path at the folder that holds the code "
                        + "under research."
                : "folder '" + baseline + "' does not exist in " + studyDir + "; create it with the code under "
                        + "research, or point baseline.path at the folder that holds it.");
        return false;
    }

    /** Reports each protected pattern that is also editable: written in both lists, or matching a file both match. */
    private void overlaps(BaselineSpec baseline) {
        List<String> files;
        try {
            files = files(studyDir.resolve(baseline.path()));
        } catch (IOException | UncheckedIOException e) {
            problems.at("baseline.path", "folder '" + baseline.path() + "' cannot be read (" + e.getMessage()
                    + "); check its permissions.");
            return;
        }
        List<Glob> protectedPaths = baseline.protectedPaths();
        for (int i = 0; i < protectedPaths.size(); i++) {
            Glob guarded = protectedPaths.get(i);
            String path = "baseline.protected[" + i + "]";
            if (baseline.editable().contains(guarded)) {
                problems.at(path, "'" + guarded + "' is also in baseline.editable; " + BOTH);
            } else {
                sharedFile(guarded, baseline.editable(), files).ifPresent(shared -> problems.at(path,
                        "'" + guarded + "' matches " + shared.file + ", which editable '" + shared.editable
                                + "' matches too; " + BOTH));
            }
        }
    }

    private record Shared(String file, Glob editable) {}

    private static Optional<Shared> sharedFile(Glob guarded, List<Glob> editable, List<String> files) {
        return files.stream()
                .filter(guarded::matches)
                .flatMap(file -> editable.stream()
                        .filter(glob -> glob.matches(file))
                        .map(glob -> new Shared(file, glob)))
                .findFirst();
    }

    /** The baseline's files, relative with '/', sorted; git's own folder is not part of the code. */
    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .filter(file -> !file.startsWith(".git"))
                    .map(file -> file.toString().replace(file.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        }
    }
}
