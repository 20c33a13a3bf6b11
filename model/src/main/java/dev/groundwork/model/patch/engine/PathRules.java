package dev.groundwork.model.patch.engine;

import dev.groundwork.model.spec.BaselineSpec;
import dev.groundwork.model.spec.Glob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which files a patch may touch: relative paths inside the baseline, editable, not protected. */
public final class PathRules {

    private final Predicate<String> editable;
    private final Predicate<String> protectedPath;
    private final String editablePatterns;

    private PathRules(Predicate<String> editable, Predicate<String> protectedPath, String editablePatterns) {
        this.editable = editable;
        this.protectedPath = protectedPath;
        this.editablePatterns = editablePatterns;
    }

    /** The study's rules: {@code baseline.editable} and {@code baseline.protected}. */
    public static PathRules of(BaselineSpec baseline) {
        return new PathRules(baseline::isEditable, baseline::isProtected,
                baseline.editable().stream().map(Glob::pattern).collect(Collectors.joining(", ")));
    }

    /** Any file inside the baseline folder (for a researcher's own edits, which no spec restricts). */
    public static PathRules anyFileInside() {
        return new PathRules(path -> true, path -> false, "**");
    }

    public void check(ParsedPatch patch) throws PatchRejectedException {
        Set<String> paths = new LinkedHashSet<>();
        patch.files().forEach(file -> Stream.of(file.oldPath(), file.newPath()).filter(Objects::nonNull)
                .forEach(paths::add));
        List<String> problems = new ArrayList<>();
        paths.forEach(path -> problem(path).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new PatchRejectedException(problems);
        }
    }

    private Optional<String> problem(String path) {
        String quoted = "'" + path + "'";
        List<String> segments = Arrays.asList(path.split("/", -1));
        String problem;
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            problem = quoted + " is an absolute path; name files relative to the baseline folder, e.g. 'train.py'.";
        } else if (path.contains("\\")) {
            problem = quoted + " contains '\\'; separate folders with '/'.";
        } else if (segments.contains("..")) {
            problem = quoted + " leaves the baseline folder ('..'); name files inside it, relative to the baseline "
                    + "folder.";
        } else if (segments.contains("") || segments.contains(".")) {
            problem = quoted + " is not a file path; name files like 'train.py' or 'src/model.py'.";
        } else if (segments.getFirst().equals(".git")) {
            problem = quoted + " is inside .git, which is not part of the baseline.";
        } else if (protectedPath.test(path)) {
            problem = quoted + " is protected: patches may not change it. Leave it out of the diff.";
        } else if (!editable.test(path)) {
            problem = quoted + " is not editable: patches may change only files matching " + editablePatterns + ".";
        } else {
            problem = null;
        }
        return Optional.ofNullable(problem);
    }
}
