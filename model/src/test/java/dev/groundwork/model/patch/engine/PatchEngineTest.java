package dev.groundwork.model.patch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchEngineTest {

    /** Lines "line 1" … "line 200", so every line is unique and line numbers are easy to read in tests. */
    private static final String NUMBERED = numbered(1, 200);

    private final PatchEngine engine = new PatchEngine(PathRules.anyFileInside(), ApplyOptions.DEFAULT);

    @Test
    void appliesAMultiFileDiffThatCreatesChangesAndDeletes() {
        Map<String, String> base = Map.of("train.py", "import numpy as np\nlr = 0.1\nsteps = 100\n",
                "old.py", "print('bye')\n");

        ApplyOutcome outcome = engine.apply("""
                --- a/train.py
                +++ b/train.py
                @@ -1,3 +1,3 @@
                 import numpy as np
                -lr = 0.1
                +lr = 0.01
                 steps = 100
                --- /dev/null
                +++ b/util.py
                @@ -0,0 +1,2 @@
                +def helper():
                +    return 1
                --- a/old.py
                +++ /dev/null
                @@ -1 +0,0 @@
                -print('bye')
                """, BaseTree.of(base));

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.applyTo(base)).containsExactly(
                Map.entry("train.py", "import numpy as np\nlr = 0.01\nsteps = 100\n"),
                Map.entry("util.py", "def helper():\n    return 1\n"));
        assertThat(outcome.changedFiles()).containsExactly("train.py", "util.py");
        assertThat(outcome.report().files()).extracting(FileReport::path, FileReport::change).containsExactly(
                tuple("train.py", FileChange.MODIFIED), tuple("util.py", FileChange.CREATED),
                tuple("old.py", FileChange.DELETED));
        assertThat(outcome.report().summary()).isEqualTo("Applied to 3 files: 'train.py' (1 hunk), 'util.py' (created), "
                + "'old.py' (deleted).");
        assertThat(outcome.cleanDiff()).startsWith("diff --git a/train.py b/train.py\n--- a/train.py\n+++ b/train.py\n");
    }

    @Test
    void findsAHunkWhoseLineNumberIsOffAndReportsTheOffset() {
        ApplyOutcome outcome = apply(NUMBERED, """
                --- a/train.py
                +++ b/train.py
                @@ -57,3 +57,3 @@
                 line 61
                -line 62
                +line 62 changed
                 line 63
                """);

        assertThat(outcome.report().files().getFirst().hunks()).singleElement().satisfies(hunk -> {
            assertThat(hunk.status()).isEqualTo(HunkStatus.APPLIED_WITH_OFFSET);
            assertThat(hunk.statedLine()).isEqualTo(57);
            assertThat(hunk.line()).isEqualTo(61);
            assertThat(hunk.offset()).isEqualTo(4);
        });
        assertThat(result(outcome)).isEqualTo(NUMBERED.replace("line 62\n", "line 62 changed\n"));
        assertThat(outcome.report().summary()).isEqualTo("Applied to 1 file: 'train.py' (1 hunk). Hunk 1 of 'train.py' "
                + "applied at line 61 (its header says 57).");
    }

    @Test
    void carriesAnEarlierHunksOffsetToTheNext() {
        // The file drifted from what the model saw: 30 lines at the first hunk, 110 (beyond the ±100 window) at the next.
        ApplyOutcome outcome = apply(numbered(1, 400), """
                --- a/train.py
                +++ b/train.py
                @@ -40,2 +40,2 @@
                -line 10
                +line 10 changed
                 line 11
                @@ -280,2 +280,2 @@
                -line 170
                +line 170 changed
                 line 171
                """);

        assertThat(outcome.report().files().getFirst().hunks()).extracting(HunkReport::line, HunkReport::offset)
                .containsExactly(tuple(10, -30), tuple(170, -110));
    }

    @Test
    void readsLineNumbersThatCountInThePatchedFile() {
        // The second header numbers its line after the first hunk's 150 new lines: 150 lines off.
        String inserted = IntStream.rangeClosed(1, 150).mapToObj(i -> "+new " + i + "\n").collect(Collectors.joining());
        ApplyOutcome outcome = apply(numbered(1, 400), "--- a/train.py\n+++ b/train.py\n@@ -10,2 +10,152 @@\n line 10\n"
                + inserted + " line 11\n@@ -319,3 +469,3 @@\n line 169\n-line 170\n+line 170 changed\n line 171\n");

        assertThat(outcome.report().files().getFirst().hunks()).extracting(HunkReport::line, HunkReport::offset)
                .containsExactly(tuple(10, 0), tuple(169, -150));
    }

    @Test
    void ignoresTrailingWhitespaceAndKeepsTheFilesVersionOfContextLines() {
        String base = "def f(x):  \n    y = x\n    return y\n";

        ApplyOutcome outcome = apply(base, """
                --- a/train.py
                +++ b/train.py
                @@ -1,3 +1,3 @@
                 def f(x):
                -    y = x
                +    y = 2 * x
                     return y
                """);

        assertThat(result(outcome)).isEqualTo("def f(x):  \n    y = 2 * x\n    return y\n");
        assertThat(outcome.report().files().getFirst().hunks()).singleElement().satisfies(hunk -> {
            assertThat(hunk.status()).isEqualTo(HunkStatus.APPLIED_WITH_FUZZ);
            assertThat(hunk.whitespaceIgnored()).isTrue();
            assertThat(hunk.ignoredContext()).isEmpty();
        });
    }

    @Test
    void forgivesAStaleContextLineButNotAStaleRemovedLine() {
        ApplyOutcome stale = apply(NUMBERED, """
                --- a/train.py
                +++ b/train.py
                @@ -60,5 +60,5 @@
                 line 60
                 line 61 (as the model remembers it)
                -line 62
                +line 62 changed
                 line 63
                 line 64
                """);
        ApplyOutcome wrongRemoval = apply(NUMBERED, """
                --- a/train.py
                +++ b/train.py
                @@ -60,5 +60,5 @@
                 line 60
                 line 61
                -line 62 (as the model remembers it)
                +line 62 changed
                 line 63
                 line 64
                """);

        assertThat(result(stale)).isEqualTo(NUMBERED.replace("line 62\n", "line 62 changed\n"));
        assertThat(stale.report().files().getFirst().hunks().getFirst().ignoredContext())
                .containsExactly("'line 61 (as the model remembers it)' (line 61 is 'line 61')");
        assertThat(stale.report().summary()).endsWith("Hunk 1 of 'train.py' applied ignoring context 'line 61 (as the "
                + "model remembers it)' (line 61 is 'line 61').");
        assertThat(wrongRemoval.applied()).isFalse();
        assertThat(wrongRemoval.report().files().getFirst().hunks().getFirst().error()).isEqualTo("hunk 1 of 'train.py' "
                + "does not apply at line 60: the closest match is at line 60, where 4 of its 5 context and removed lines "
                + "match; line 3 of the hunk, 'line 62 (as the model remembers it)', is 'line 62' in the file.");
    }

    @Test
    void aFailingHunkFailsItsFileAndThePatchAndEveryFailureIsNamed() {
        Map<String, String> base = Map.of("train.py", NUMBERED, "model.py", "x = 1\n");

        ApplyOutcome outcome = engine.apply("""
                --- a/train.py
                +++ b/train.py
                @@ -10,3 +10,3 @@
                 line 10
                -line 11
                +line 11 changed
                 line 12
                @@ -57,3 +57,3 @@
                 x = 1
                -y = 2
                +y = 3
                 z = 4
                --- a/missing.py
                +++ b/missing.py
                @@ -1 +1 @@
                -a
                +b
                """, BaseTree.of(base));

        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.edits()).isEmpty();
        assertThat(outcome.cleanDiff()).isNull();
        assertThat(outcome.report().summary()).isEqualTo("Did not apply, so nothing changed. Hunk 2 of 'train.py' does "
                + "not apply at line 57: none of its 3 context and removed lines is in the file; check the file name and "
                + "copy those lines from the file exactly. 'missing.py' does not exist; to create it, use '--- /dev/null' "
                + "and add every line with '+'. The other 1 hunk applied; send the whole diff again with the failing "
                + "parts fixed.");
    }

    @Test
    void saysWhenAHunkIsFoundOnlyOutsideTheWindowOrAboveThePreviousHunk() {
        ApplyOutcome far = apply(numbered(1, 400), """
                --- a/train.py
                +++ b/train.py
                @@ -10,2 +10,2 @@
                -line 300
                +line 300 changed
                 line 301
                """);
        ApplyOutcome backwards = apply(NUMBERED, """
                --- a/train.py
                +++ b/train.py
                @@ -100,2 +100,2 @@
                -line 100
                +line 100 changed
                 line 101
                @@ -50,2 +50,2 @@
                -line 50
                +line 50 changed
                 line 51
                """);

        assertThat(far.report().files().getFirst().hunks().getFirst().error()).isEqualTo("hunk 1 of 'train.py' does not "
                + "apply at line 10: its lines are at line 300, more than 100 lines away; fix the line numbers in its @@ "
                + "header.");
        assertThat(backwards.report().files().getFirst().hunks().get(1).error()).isEqualTo("hunk 2 of 'train.py' does "
                + "not apply at line 50: its lines are at line 50, above the previous hunk; list hunks in file order.");
    }

    @Test
    void hunksWithoutLineNumbersGoToTheirFirstMatchAfterThePreviousHunk() {
        ApplyOutcome outcome = apply("a\nx\nb\nx\nc\n", """
                --- a/train.py
                +++ b/train.py
                @@ @@
                 b
                -x
                +y
                """);

        assertThat(result(outcome)).isEqualTo("a\nx\nb\ny\nc\n");
        assertThat(outcome.report().summary()).isEqualTo("Applied to 1 file: 'train.py' (1 hunk). Hunk 1 of 'train.py' "
                + "has no line numbers and applied at line 3.");
    }

    @Test
    void overlappingContextOfNeighbouringHunksIsFine() {
        ApplyOutcome outcome = apply(NUMBERED, """
                --- a/train.py
                +++ b/train.py
                @@ -10,3 +10,3 @@
                 line 10
                -line 11
                +line 11 changed
                 line 12
                @@ -12,3 +12,3 @@
                 line 12
                -line 13
                +line 13 changed
                 line 14
                """);

        assertThat(result(outcome)).isEqualTo(NUMBERED.replace("line 11\n", "line 11 changed\n")
                .replace("line 13\n", "line 13 changed\n"));
    }

    @Test
    void twoSectionsForOneFileApplyOneAfterTheOther() {
        ApplyOutcome outcome = apply("a\nb\nc\n", """
                --- a/train.py
                +++ b/train.py
                @@ -1,2 +1,2 @@
                -a
                +A
                 b
                --- a/train.py
                +++ b/train.py
                @@ -2,2 +2,2 @@
                 b
                -c
                +C
                """);

        assertThat(result(outcome)).isEqualTo("A\nb\nC\n");
        assertThat(outcome.edits()).singleElement().satisfies(edit -> assertThat(edit.before()).isEqualTo("a\nb\nc\n"));
    }

    @Test
    void keepsOrChangesTheNewlineAtTheEndOfTheFileAsTheMarkersSay() {
        assertThat(result(apply("a\nb", "--- a/t.py\n+++ b/t.py\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
                + "+c\n"))).isEqualTo("a\nc\n");
        assertThat(result(apply("a\nb\n", "--- a/t.py\n+++ b/t.py\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
                + "\\ No newline at end of file\n"))).isEqualTo("a\nc");
        // No marker from a model that never saw the missing newline: the file keeps its ending.
        assertThat(result(apply("a\nb", "--- a/t.py\n+++ b/t.py\n@@ -1,2 +1,3 @@\n a\n b\n+c\n"))).isEqualTo("a\nb\nc");
    }

    @Test
    void newLinesInACrLfFileEndInCrLf() {
        assertThat(result(apply("a\r\nb\r\nc\r\n", "--- a/t.py\n+++ b/t.py\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")))
                .isEqualTo("a\r\nB\r\nc\r\n");
        assertThat(result(apply("a\nb\nc\n", "--- a/t.py\r\n+++ b/t.py\r\n@@ -1,3 +1,3 @@\r\n a\r\n-b\r\n+B\r\n c\r\n")))
                .isEqualTo("a\nB\nc\n");
    }

    @Test
    void refusesToCreateAFileThatExistsAndToDeleteOnlyPartOfOne() {
        ApplyOutcome create = apply("x\n", "--- /dev/null\n+++ b/train.py\n@@ -0,0 +1 @@\n+y\n");
        ApplyOutcome delete = apply("x\ny\n", "--- a/train.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n");

        assertThat(create.report().files().getFirst().error()).isEqualTo("'train.py' already exists; diff against its "
                + "current content ('--- a/train.py') to change it.");
        assertThat(delete.report().files().getFirst().error()).isEqualTo("'train.py' is deleted ('+++ /dev/null'), but 1 "
                + "line of it is not among the hunks' removed lines; remove every line, or keep the file.");
    }

    @Test
    void createsAMissingFileWhoseHunksOnlyAddLines() {
        ApplyOutcome outcome = engine.apply("--- a/util.py\n+++ b/util.py\n@@ -0,0 +1,2 @@\n+a\n+b\n", BaseTree.of(Map.of()));

        assertThat(outcome.edits()).singleElement().satisfies(edit -> {
            assertThat(edit.creates()).isTrue();
            assertThat(edit.after()).isEqualTo("a\nb\n");
        });
        assertThat(outcome.report().notes()).containsExactly("created 'util.py', which did not exist, because its hunks "
                + "only add lines");
    }

    @Test
    void givesNewFilesTheModeTheDiffNames() {
        ApplyOutcome outcome = engine.apply("""
                diff --git a/run.sh b/run.sh
                new file mode 100755
                --- /dev/null
                +++ b/run.sh
                @@ -0,0 +1 @@
                +python3 train.py
                """, BaseTree.of(Map.of()));

        assertThat(outcome.edits()).singleElement().extracting(FileEdit::mode).isEqualTo(FileMode.EXECUTABLE);
        assertThat(outcome.cleanDiff()).contains("new file mode 100755\n");
    }

    @Test
    void appliesToAFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("train.py"), "a\nb\n");

        ApplyOutcome outcome = engine.apply("--- a/train.py\n+++ b/train.py\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n",
                BaseTree.folder(dir));

        assertThat(result(outcome)).isEqualTo("a\nc\n");
    }

    @Test
    void aFileThatIsNotTextFailsWithoutBeingTouched(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("train.py"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a', '\n'});

        ApplyOutcome outcome = engine.apply("--- a/train.py\n+++ b/train.py\n@@ -1 +1 @@\n-a\n+b\n", BaseTree.folder(dir));

        assertThat(outcome.report().files().getFirst().error()).isEqualTo("could not read 'train.py': 'train.py' is not "
                + "UTF-8 text; patches may only change text files.");
    }

    @Test
    void aRejectedDiffIsAnOutcomeNotAnException() {
        ApplyOutcome outcome = engine.apply("no diff here", BaseTree.of(Map.of()));

        assertThat(outcome.report().verdict()).isEqualTo(ApplyReport.Verdict.REJECTED);
        assertThat(outcome.report().summary()).isEqualTo("Rejected, so nothing changed. No unified diff found: expected "
                + "'--- a/PATH' and '+++ b/PATH' lines followed by '@@ -LINE,COUNT +LINE,COUNT @@' hunks.");
    }

    @Test
    void theReportRoundTripsThroughJson() {
        ApplyOutcome outcome = apply(NUMBERED, "--- a/train.py\n+++ b/train.py\n@@ -57,2 +57,2 @@\n line 60\n-line 61\n"
                + "+x\n");

        String json = outcome.report().toJson();

        assertThat(ApplyReport.fromJson(json)).isEqualTo(outcome.report());
        assertThat(json).contains("\"verdict\":\"applied\"", "\"status\":\"applied-with-offset\"", "\"stated_line\":57",
                "\"offset\":3").doesNotContain("\"error\"");
    }

    private ApplyOutcome apply(String base, String diff) {
        String path = diff.lines().filter(line -> line.startsWith("+++ b/") || line.startsWith("--- a/")).findFirst()
                .orElseThrow().substring(6).strip();
        return engine.apply(diff, BaseTree.of(Map.of(path, base)));
    }

    private static String result(ApplyOutcome outcome) {
        assertThat(outcome.applied()).as(outcome.report().summary()).isTrue();
        return outcome.edits().getFirst().after();
    }

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }
}
