package dev.groundwork.model.patch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffRendererTest {

    private final PatchEngine engine = new PatchEngine(PathRules.anyFileInside(), ApplyOptions.DEFAULT);

    @Test
    void rendersGitStyleHunksWithThreeLinesOfContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        String after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";

        assertThat(DiffRenderer.render(Map.of("t.py", before), Map.of("t.py", after))).isEqualTo("""
                diff --git a/t.py b/t.py
                --- a/t.py
                +++ b/t.py
                @@ -1,5 +1,5 @@
                 a
                -b
                +B
                 c
                 d
                 e
                @@ -8,3 +8,4 @@
                 h
                 i
                 j
                +k
                """);
    }

    @Test
    void rendersNewDeletedAndEmptyFilesAndMissingNewlines() {
        String diff = DiffRenderer.render(List.of(
                new FileEdit("new.py", null, "x = 1", FileMode.EXECUTABLE),
                new FileEdit("gone.py", "y = 2\n", null, null),
                new FileEdit("empty.py", null, "", null)));

        assertThat(diff).isEqualTo("""
                diff --git a/new.py b/new.py
                new file mode 100755
                --- /dev/null
                +++ b/new.py
                @@ -0,0 +1 @@
                +x = 1
                \\ No newline at end of file
                diff --git a/gone.py b/gone.py
                deleted file mode 100644
                --- a/gone.py
                +++ /dev/null
                @@ -1 +0,0 @@
                -y = 2
                diff --git a/empty.py b/empty.py
                new file mode 100644
                """);
    }

    @Test
    void aResearchersEditBecomesADiffTheEngineAppliesBack() {
        Map<String, String> before = Map.of("train.py", "lr = 0.1\r\nsteps = 10\r\n", "model.py", "w = 1");
        Map<String, String> after = Map.of("train.py", "lr = 0.01\r\nsteps = 10\r\n", "model.py", "w = 2\n",
                "util.py", "");

        String diff = DiffRenderer.render(before, after);
        ApplyOutcome outcome = engine.apply(diff, BaseTree.of(before));

        assertThat(outcome.applied()).as(outcome.report().summary()).isTrue();
        assertThat(outcome.applyTo(before)).isEqualTo(after);
        assertThat(outcome.cleanDiff()).isEqualTo(diff);
    }
}
