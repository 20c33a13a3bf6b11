package dev.groundwork.model.patch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PatchComposerTest {

    private static final String BASE = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i + "\n")
            .collect(Collectors.joining());

    private final PatchComposer composer = new PatchComposer(new PatchEngine(PathRules.anyFileInside(),
            ApplyOptions.DEFAULT));
    private final BaseTree base = BaseTree.of(Map.of("train.py", BASE, "model.py", "w = 1\n"));

    @Test
    void patchesThatChangeDifferentLinesCombineIntoOneDiff() {
        Composition composition = composer.compose(change(5, "five"), change(30, "thirty")
                + "--- a/model.py\n+++ b/model.py\n@@ -1 +1 @@\n-w = 1\n+w = 2\n", base);

        assertThat(composition.ok()).isTrue();
        ApplyOutcome combined = new PatchEngine(PathRules.anyFileInside(), ApplyOptions.DEFAULT)
                .apply(composition.diff(), base);
        assertThat(combined.applyTo(Map.of("train.py", BASE, "model.py", "w = 1\n"))).containsExactly(
                Map.entry("model.py", "w = 2\n"),
                Map.entry("train.py", BASE.replace("line 5\n", "five\n").replace("line 30\n", "thirty\n")));
    }

    @Test
    void patchesThatChangeTheSameLineConflict() {
        Composition composition = composer.compose(change(5, "five"), change(5, "FIVE"), base);

        assertThat(composition.conflicts()).extracting(Conflict::kind, Conflict::path).containsExactly(
                tuple(Conflict.Kind.SECOND_DOES_NOT_APPLY, "train.py"));
        assertThat(composition.diff()).isNull();
    }

    @Test
    void aSecondPatchNextToTheFirstsChangeCombinesEvenThoughItsContextIsStale() {
        String second = "--- a/train.py\n+++ b/train.py\n@@ -4,4 +4,4 @@\n line 4\n line 5\n line 6\n-line 7\n+seven\n";

        Composition composition = composer.compose(change(6, "six"), second, base);

        assertThat(composition.conflicts()).isEmpty();
        assertThat(composition.second().files().getFirst().hunks().getFirst().ignoredContext())
                .containsExactly("'line 6' (line 6 is 'six')");
        assertThat(composition.diff()).contains("+six\n+seven\n");
    }

    @Test
    void aSecondPatchThatChangesALineTheFirstWroteOverlaps() {
        // The first only added trailing spaces to line 6, so the second still finds its line, ignoring whitespace.
        Composition composition = composer.compose(change(6, "line 6  "), change(6, "SIX"), base);

        assertThat(composition.conflicts()).extracting(Conflict::kind, Conflict::description).containsExactly(tuple(
                Conflict.Kind.OVERLAP, "both patches change 'train.py' at line 6 (as the first patch left it)."));
        assertThat(composition.diff()).contains("+SIX");
    }

    @Test
    void aFirstPatchThatDoesNotApplyIsSaidSo() {
        Composition composition = composer.compose("--- a/nope.py\n+++ b/nope.py\n@@ -1 +1 @@\n-a\n+b\n", change(5, "x"),
                base);

        assertThat(composition.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.kind()).isEqualTo(Conflict.Kind.FIRST_DOES_NOT_APPLY);
            assertThat(conflict.description()).startsWith("Did not apply, so nothing changed. 'nope.py' does not exist");
        });
        assertThat(composition.second()).isNull();
    }

    private static String change(int line, String replacement) {
        return "--- a/train.py\n+++ b/train.py\n@@ -" + (line - 1) + ",3 +" + (line - 1) + ",3 @@\n line " + (line - 1)
                + "\n-line " + line + "\n+" + replacement + "\n line " + (line + 1) + "\n";
    }
}
