package dev.groundwork.model.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The code under research and which of its files an implementer may change.
 *
 * @param path           the baseline folder, relative to the study folder
 * @param editable       files the implementer sees and may patch
 * @param protectedPaths files the implementer never sees or patches (the evaluation, typically); they win over
 *                       {@code editable}, which only matters for the default {@code editable}
 */
public record BaselineSpec(Path path, List<Glob> editable, List<Glob> protectedPaths) {

    public static final Path DEFAULT_PATH = Path.of("baseline");
    public static final List<Glob> DEFAULT_EDITABLE = List.of(Glob.of("**/*.py"));

    public BaselineSpec {
        Objects.requireNonNull(path, "path");
        editable = List.copyOf(editable);
        protectedPaths = List.copyOf(protectedPaths);
    }

    /** Whether the implementer may patch this file; {@code relativePath} is relative to the baseline, with '/'. */
    public boolean isEditable(String relativePath) {
        return matchesAny(editable, relativePath) && !isProtected(relativePath);
    }

    public boolean isProtected(String relativePath) {
        return matchesAny(protectedPaths, relativePath);
    }

    private static boolean matchesAny(List<Glob> globs, String relativePath) {
        return globs.stream().anyMatch(glob -> glob.matches(relativePath));
    }
}
