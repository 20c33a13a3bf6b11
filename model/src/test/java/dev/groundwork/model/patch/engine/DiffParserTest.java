package dev.groundwork.model.patch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.groundwork.model.patch.engine.HunkLine.Kind;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class DiffParserTest {

    private static final String TWO_FILES = """
            diff --git a/train.py b/train.py
            index 1111111..2222222 100644
            --- a/train.py
            +++ b/train.py
            @@ -1,3 +1,3 @@
             import numpy as np
            -lr = 0.1
            +lr = 0.01
             steps = 100
            diff --git a/model.py b/model.py
            --- a/model.py
            +++ b/model.py
            @@ -10,2 +10,3 @@ class Model:
                 def forward(self, x):
            +        x = x * 2
                     return x
            """;

    @Test
    void readsSeveralFilesWithGitHeadersAndPrefixes() throws Exception {
        ParsedPatch patch = DiffParser.parse(TWO_FILES);

        assertThat(patch.files()).extracting(FilePatch::oldPath, FilePatch::newPath)
                .containsExactly(tuple("train.py", "train.py"),
                        tuple("model.py", "model.py"));
        Hunk first = patch.files().getFirst().hunks().getFirst();
        assertThat(first.lines()).extracting(HunkLine::kind, HunkLine::text).containsExactly(
                tuple(Kind.CONTEXT, "import numpy as np"),
                tuple(Kind.REMOVED, "lr = 0.1"),
                tuple(Kind.ADDED, "lr = 0.01"),
                tuple(Kind.CONTEXT, "steps = 100"));
        assertThat(first.statedLine()).isEqualTo(1);
        assertThat(patch.files().get(1).hunks().getFirst().statedLine()).isEqualTo(10);
        assertThat(patch.notes()).isEmpty();
    }

    @Test
    void readsBareHeadersWithoutPrefixesAndWithTimestamps() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                --- src/train.py\t2026-01-01 10:00:00.000000000 +0100
                +++ src/train.py\t2026-01-02 10:00:00.000000000 +0100
                @@ -1 +1 @@
                -a
                +b
                """);

        assertThat(patch.files()).singleElement().extracting(FilePatch::path).isEqualTo("src/train.py");
    }

    @Test
    void readsNewAndDeletedFiles() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                diff --git a/util.py b/util.py
                new file mode 100755
                --- /dev/null
                +++ b/util.py
                @@ -0,0 +1,2 @@
                +def helper():
                +    return 1
                --- a/old.py
                +++ /dev/null
                @@ -1 +0,0 @@
                -print('bye')
                """);

        assertThat(patch.files()).hasSize(2);
        assertThat(patch.files().getFirst()).satisfies(file -> {
            assertThat(file.creates()).isTrue();
            assertThat(file.path()).isEqualTo("util.py");
            assertThat(file.mode()).isEqualTo(FileMode.EXECUTABLE);
        });
        assertThat(patch.files().get(1)).satisfies(file -> {
            assertThat(file.deletes()).isTrue();
            assertThat(file.path()).isEqualTo("old.py");
        });
    }

    @Test
    void readsGitQuotedNames() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                --- "a/caf\\303\\251 notes.py"
                +++ "b/caf\\303\\251 notes.py"
                @@ -1 +1 @@
                -a
                +b
                """);

        assertThat(patch.files().getFirst().path()).isEqualTo("café notes.py");
    }

    @Test
    void takesTheDiffOutOfFencesAndProse() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                Here is the change. It lowers the learning rate:

                ```diff
                --- a/train.py
                +++ b/train.py
                @@ -1,2 +1,2 @@
                -lr = 0.1
                +lr = 0.01
                 steps = 100
                ```

                - This should help convergence.
                - It changes nothing else.
                """);

        assertThat(patch.files()).singleElement().satisfies(file -> assertThat(file.hunks().getFirst().lines()).hasSize(3));
        assertThat(patch.notes()).containsExactly("took the diff from a fenced block and ignored the text around it");
    }

    @Test
    void joinsTheBlocksOfAReplyWithOneFencePerFile() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                First train.py:
                ~~~
                --- a/train.py
                +++ b/train.py
                @@ -1 +1 @@
                -a
                +b
                ~~~
                Then model.py:
                ```patch
                --- a/model.py
                +++ b/model.py
                @@ -1 +1 @@
                -c
                +d
                ```
                """);

        assertThat(patch.files()).extracting(FilePatch::path).containsExactly("train.py", "model.py");
        assertThat(patch.notes()).containsExactly("took the diff from 2 fenced blocks and ignored the text around it");
    }

    @Test
    void recomputesWrongHunkCountsFromTheBody() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                --- a/train.py
                +++ b/train.py
                @@ -1,7 +1,2 @@
                 a
                -b
                +c
                +d
                 e
                --- a/model.py
                +++ b/model.py
                @@ -4,1 +4,1 @@
                 x
                -y
                +z
                """);

        assertThat(patch.files().getFirst().hunks().getFirst()).satisfies(hunk -> {
            assertThat(hunk.oldCount()).isEqualTo(3);
            assertThat(hunk.newCount()).isEqualTo(4);
        });
        assertThat(patch.files().get(1).hunks().getFirst().oldCount()).isEqualTo(2);
        assertThat(patch.notes()).containsExactly("recomputed the line counts of 2 hunks whose header disagreed with "
                + "its body (hunk 1 of 'train.py': header -1,7 +1,2, body 3 old and 4 new lines; hunk 1 of 'model.py': "
                + "header -4,1 +4,1, body 2 old and 2 new lines)");
    }

    @Test
    void acceptsHunkHeadersWithoutLineNumbers() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                --- a/train.py
                +++ b/train.py
                @@ ... @@
                 a
                -b
                +c
                """);

        Hunk hunk = patch.files().getFirst().hunks().getFirst();
        assertThat(hunk.numbered()).isFalse();
        assertThat(hunk.statedLine()).isNull();
    }

    @Test
    void convertsADiffThatWentThroughWindowsLineEndings() throws Exception {
        ParsedPatch patch = DiffParser.parse("--- a/train.py\r\n+++ b/train.py\r\n@@ -1 +1 @@\r\n-a\r\n+b\r\n");

        FilePatch file = patch.files().getFirst();
        assertThat(file.crlfAware()).isFalse();
        assertThat(file.hunks().getFirst().lines()).extracting(HunkLine::text).containsExactly("a", "b");
        assertThat(patch.notes()).containsExactly("converted the diff's Windows line endings (CR LF)");
    }

    @Test
    void keepsTheCarriageReturnsOfAGitDiffOfACrLfFile() throws Exception {
        ParsedPatch patch = DiffParser.parse("--- a/train.py\n+++ b/train.py\n@@ -1 +1 @@\n-a\r\n+b\r\n");

        FilePatch file = patch.files().getFirst();
        assertThat(file.crlfAware()).isTrue();
        assertThat(file.hunks().getFirst().lines()).extracting(HunkLine::text, HunkLine::crlf)
                .containsExactly(tuple("a", true),
                        tuple("b", true));
        assertThat(patch.notes()).isEmpty();
    }

    @Test
    void readsNoNewlineMarkers() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                --- a/train.py
                +++ b/train.py
                @@ -1 +1 @@
                -a
                \\ No newline at end of file
                +b
                """);

        Hunk hunk = patch.files().getFirst().hunks().getFirst();
        assertThat(hunk.oldMissingNewline()).isTrue();
        assertThat(hunk.newMissingNewline()).isFalse();
    }

    @Test
    void anEmptyLineInsideAHunkIsAnEmptyContextLineWhoseSpaceWasStripped() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                --- a/train.py
                +++ b/train.py
                @@ -1,4 +1,4 @@
                 a

                -b
                +c

                --- a/model.py
                +++ b/model.py
                @@ -1,3 +1,3 @@
                 x
                -y
                +z

                """);

        assertThat(patch.files().getFirst().hunks().getFirst().lines()).extracting(HunkLine::kind, HunkLine::text)
                .containsExactly(tuple(Kind.CONTEXT, "a"),
                        tuple(Kind.CONTEXT, ""),
                        tuple(Kind.REMOVED, "b"),
                        tuple(Kind.ADDED, "c"),
                        tuple(Kind.CONTEXT, ""));
        assertThat(patch.files().get(1).hunks().getFirst().oldCount()).isEqualTo(3);
    }

    @Test
    void trailingEmptyLinesThatTheCountsDoNotClaimAreNotPartOfTheHunk() throws Exception {
        ParsedPatch patch = DiffParser.parse("--- a/train.py\n+++ b/train.py\n@@ -1,9 +1,9 @@\n a\n-b\n+c\n\n\nThanks!\n");

        assertThat(patch.files().getFirst().hunks().getFirst().lines()).hasSize(3);
    }

    @Test
    void removedAndAddedLinesThatLookLikeFileHeadersStayInTheHunk() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                --- a/query.sql
                +++ b/query.sql
                @@ -1,2 +1,2 @@
                --- old comment
                +++ new comment
                 select 1;
                """);

        assertThat(patch.files()).singleElement().satisfies(file -> assertThat(file.hunks().getFirst().lines())
                .extracting(HunkLine::text).containsExactly("-- old comment", "++ new comment", "select 1;"));
    }

    @Test
    void acceptsAModeChangeWithoutHunks() throws Exception {
        ParsedPatch patch = DiffParser.parse("""
                diff --git a/run.sh b/run.sh
                old mode 100644
                new mode 100755
                """);

        assertThat(patch.files()).singleElement().satisfies(file -> {
            assertThat(file.mode()).isEqualTo(FileMode.EXECUTABLE);
            assertThat(file.hunks()).isEmpty();
        });
    }

    @Test
    void refusesBinaryPatches() {
        assertRejected("""
                diff --git a/weights.bin b/weights.bin
                index 1111111..2222222 100644
                GIT binary patch
                literal 4
                LcmZQzU|;|M00aO5

                diff --git a/data.npy b/data.npy
                Binary files a/data.npy and b/data.npy differ
                """,
                "'weights.bin' is a binary patch; Groundwork applies text diffs only, so leave binary files out of the diff.",
                "'data.npy' is a binary patch; Groundwork applies text diffs only, so leave binary files out of the diff.");
    }

    @Test
    void refusesSymbolicLinksAndSubmodules() {
        assertRejected("""
                diff --git a/link.py b/link.py
                new file mode 120000
                --- /dev/null
                +++ b/link.py
                @@ -0,0 +1 @@
                +train.py
                \\ No newline at end of file
                diff --git a/lib b/lib
                new file mode 160000
                """,
                "'link.py' is a symbolic link (mode 120000); patches may only change regular files.",
                "'lib' is a submodule (mode 160000); patches may only change regular files.");
    }

    @Test
    void refusesFileModesOtherThanRegularAndExecutable() {
        assertRejected("""
                diff --git a/train.py b/train.py
                old mode 100644
                new mode 100664
                """, "'train.py' has file mode 100664; use 100644 (a regular file) or 100755 (an executable).");
    }

    @Test
    void refusesRenamesAndCopiesAndDifferentNames() {
        assertRejected("""
                diff --git a/old.py b/new.py
                similarity index 100%
                rename from old.py
                rename to new.py
                diff --git a/a.py b/b.py
                similarity index 90%
                copy from a.py
                copy to b.py
                --- a/train_v1.py
                +++ b/train.py
                @@ -1 +1 @@
                -a
                +b
                """,
                "'old.py' → 'new.py' is a rename, which patches may not make; delete 'old.py' ('+++ /dev/null') and "
                        + "create 'new.py' ('--- /dev/null') instead.",
                "'a.py' → 'b.py' is a copy, which patches may not make; create 'b.py' ('--- /dev/null') with all its "
                        + "lines instead.",
                "'train_v1.py' → 'train.py' is a rename, which patches may not make; delete 'train_v1.py' "
                        + "('+++ /dev/null') and create 'train.py' ('--- /dev/null') instead.");
    }

    @Test
    void refusesTextWithoutADiff() {
        assertRejected("I could not find a way to implement this idea.",
                "no unified diff found: expected '--- a/PATH' and '+++ b/PATH' lines followed by "
                        + "'@@ -LINE,COUNT +LINE,COUNT @@' hunks.");
    }

    @Test
    void refusesHunksBeforeAnyFileHeader() {
        assertRejected("@@ -1 +1 @@\n-a\n+b\n", "a hunk ('@@ … @@') comes before any file header; start each file with "
                + "'--- a/PATH' and '+++ b/PATH' lines.");
    }

    @Test
    void refusesAFileHeaderWithoutHunks() {
        assertRejected("--- a/train.py\n+++ b/train.py\n", "'train.py' has a header but no hunks ('@@ … @@'); add its "
                + "changes or leave the file out.");
    }

    @Test
    void refusesALineWithoutAPrefixInsideAHunk() {
        assertRejected("""
                --- a/train.py
                +++ b/train.py
                @@ -1,3 +1,3 @@
                 a
                for x in y:
                -b
                +c
                """,
                "hunk 1 of 'train.py': the line 'for x in y:' does not start with ' ', '+' or '-'; start every line of a "
                        + "hunk with one of them (a space for an unchanged line).");
    }

    private static void assertRejected(String diff, String... problems) {
        assertThatThrownBy(() -> DiffParser.parse(diff)).isInstanceOf(PatchRejectedException.class)
                .extracting(e -> ((PatchRejectedException) e).problems(), InstanceOfAssertFactories.list(String.class))
                .containsExactly(problems);
    }

    @Test
    void everyProblemIsOneLineOfTheMessage() {
        assertThat(new PatchRejectedException(List.of("one.", "two.")).getMessage()).isEqualTo("one.\ntwo.");
    }
}
