package dev.groundwork.model.patch.engine;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.Chunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Combines two patches written against the same base (exploit crossover): the first applies to the base, the second to
 * the first's result. Besides the second failing to apply, a conflict is a line both change: the lines the first
 * wrote are compared with the lines the second changes in the first's result. Changes that merely touch are fine.
 */
public final class PatchComposer {

    private final PatchEngine engine;

    public PatchComposer(PatchEngine engine) {
        this.engine = engine;
    }

    public Composition compose(String firstDiff, String secondDiff, BaseTree base) {
        ApplyOutcome first = engine.apply(firstDiff, base);
        if (!first.applied()) {
            return new Composition(List.of(new Conflict(Conflict.Kind.FIRST_DOES_NOT_APPLY, null,
                    first.report().summary())), null, first.report(), null);
        }
        Map<String, FileEdit> firstEdits = byPath(first.edits());
        ApplyOutcome second = engine.apply(secondDiff, path -> firstEdits.containsKey(path)
                ? Optional.ofNullable(firstEdits.get(path).after()) : base.read(path));
        if (!second.applied()) {
            return new Composition(failures(second.report()), null, first.report(), second.report());
        }
        List<Conflict> conflicts = new ArrayList<>();
        Map<String, FileEdit> combined = new LinkedHashMap<>(firstEdits);
        for (FileEdit edit : second.edits()) {
            FileEdit earlier = firstEdits.get(edit.path());
            if (earlier != null) {
                overlap(earlier, edit).ifPresent(conflicts::add);
            }
            String original = earlier != null ? earlier.before() : edit.before();
            FileMode mode = edit.mode() != null ? edit.mode() : earlier != null ? earlier.mode() : null;
            combined.put(edit.path(), new FileEdit(edit.path(), original, edit.after(), mode));
        }
        List<FileEdit> edits = combined.values().stream()
                .filter(edit -> edit.mode() != null || !Objects.equals(edit.before(), edit.after())).toList();
        return new Composition(conflicts, DiffRenderer.render(edits), first.report(), second.report());
    }

    private static List<Conflict> failures(ApplyReport report) {
        List<Conflict> conflicts = new ArrayList<>();
        report.problems().forEach(problem -> conflicts.add(new Conflict(Conflict.Kind.SECOND_DOES_NOT_APPLY, null,
                problem)));
        for (FileReport file : report.files()) {
            if (file.error() != null) {
                conflicts.add(new Conflict(Conflict.Kind.SECOND_DOES_NOT_APPLY, file.path(), file.error()));
            }
            file.hunks().stream().filter(hunk -> hunk.status() == HunkStatus.FAILED).forEach(hunk -> conflicts.add(
                    new Conflict(Conflict.Kind.SECOND_DOES_NOT_APPLY, file.path(), hunk.error())));
        }
        return conflicts;
    }

    /** The first line both change, in the first patch's result. */
    private static Optional<Conflict> overlap(FileEdit first, FileEdit second) {
        if (first.after() == null || second.after() == null) {
            return Optional.of(new Conflict(Conflict.Kind.OVERLAP, second.path(), "'" + second.path() + "' is "
                    + (second.after() == null ? "deleted by the second patch after the first changed it"
                    : "deleted by the first patch and changed by the second") + "."));
        }
        List<Chunk<String>> written = chunks(first.before(), first.after(), false);
        List<Chunk<String>> changed = chunks(first.after(), second.after(), true);
        for (Chunk<String> a : written) {
            for (Chunk<String> b : changed) {
                if (intersects(a, b)) {
                    return Optional.of(new Conflict(Conflict.Kind.OVERLAP, second.path(), "both patches change '"
                            + second.path() + "' at line " + (b.getPosition() + 1) + " (as the first patch left it)."));
                }
            }
        }
        return Optional.empty();
    }

    /** The changed ranges of {@code after} (when {@code source} is false) or of {@code before} (when true). */
    private static List<Chunk<String>> chunks(String before, String after, boolean source) {
        return DiffUtils.diff(TextLines.splitKeepingEnds(before), TextLines.splitKeepingEnds(after)).getDeltas()
                .stream().map(delta -> source ? delta.getSource() : delta.getTarget()).toList();
    }

    /**
     * Line ranges overlap; an empty range is a point between lines (a deletion left by the first, an insertion by the
     * second) and conflicts only strictly inside the other range, or at the same point as another empty range.
     */
    private static boolean intersects(Chunk<String> a, Chunk<String> b) {
        int aStart = a.getPosition();
        int aEnd = aStart + a.size();
        int bStart = b.getPosition();
        int bEnd = bStart + b.size();
        if (a.size() == 0 && b.size() == 0) {
            return aStart == bStart;
        }
        if (a.size() == 0) {
            return bStart < aStart && aStart < bEnd;
        }
        if (b.size() == 0) {
            return aStart < bStart && bStart < aEnd;
        }
        return aStart < bEnd && bStart < aEnd;
    }

    private static Map<String, FileEdit> byPath(List<FileEdit> edits) {
        Map<String, FileEdit> map = new LinkedHashMap<>();
        edits.forEach(edit -> map.put(edit.path(), edit));
        return map;
    }
}
