package dev.groundwork.model.intake;

import static dev.groundwork.model.intake.CodeReaderTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.spec.MetricRegex;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection on the layouts research code comes in. */
class CodeDetectorTest {

    @TempDir
    Path temp;

    private final CodeDetector detector = new CodeDetector();

    private StudyPlan detect(Path code) throws Exception {
        return detector.detect(new CodeReader(CodeReader.DEFAULT_MOST_BYTES).read(CodeLocation.parse(code.toString())),
                "study").plan();
    }

    @Test
    void aSingleScriptPrintingJsonLines() throws Exception {
        write(temp, "train.py", "import json\nfor step in range(3):\n"
                + "    print(json.dumps({'step': step, 'train_loss': 1.0, 'val_acc': 0.5}))\n");

        StudyPlan plan = detect(temp);

        assertThat(plan.command()).containsExactly("python3", "train.py");
        assertThat(plan.editable()).containsExactly("train.py");
        assertThat(plan.protectedPaths()).isEmpty();
        assertThat(plan.metrics()).isEqualTo(MetricFormat.JSONL);
        assertThat(plan.rewardMetric()).isEqualTo("val_acc");
        assertThat(plan.goal()).isEqualTo("maximize");
    }

    @Test
    void aPackageUnderSrcWithAMainScriptPrintingKeyValuePairs() throws Exception {
        write(temp, "pyproject.toml", "[project]\nname = \"mypkg\"\n");
        write(temp, "src/mypkg/__init__.py", "");
        write(temp, "src/mypkg/model.py", "class Net: pass\n");
        write(temp, "main.py", "from mypkg.model import Net\nfor step in range(3):\n"
                + "    print(f\"step={step} loss={0.5:.3f} val_loss={0.7:.3f}\")\n");

        StudyPlan plan = detect(temp);

        assertThat(plan.command()).containsExactly("python3", "main.py");
        assertThat(plan.editable()).containsExactly("main.py", "src/mypkg/__init__.py", "src/mypkg/model.py");
        assertThat(plan.metrics().parser()).isEqualTo("regex");
        assertThat(plan.rewardMetric()).isEqualTo("val_loss");
        assertThat(MetricRegex.compile(plan.metrics().regex()).match("step=7 loss=0.512 val_loss=0.700"))
                .hasValueSatisfying(groups -> assertThat(groups).containsEntry("step", "7").containsEntry("val_loss", "0.700"));
    }

    @Test
    void aScriptWithASeparateEvaluateIsProtected() throws Exception {
        write(temp, "train.py", "import evaluate\n");
        write(temp, "evaluate.py", "import json\nprint(json.dumps({\"step\": 0, \"val_bpb\": 1.2}))\n");
        write(temp, "metrics/model_eval.py", "pass\n");
        write(temp, "eval_utils.py", "pass\n");

        StudyPlan plan = detect(temp);

        assertThat(plan.protectedPaths()).containsExactly("eval_utils.py", "evaluate.py", "metrics/model_eval.py");
        assertThat(plan.editable()).containsExactly("train.py");
        assertThat(plan.rewardMetric()).isEqualTo("val_bpb");
        assertThat(plan.goal()).isEqualTo("minimize");
    }

    @Test
    void aMakefileTargetRunsAModdedNanogptStyleTrainer() throws Exception {
        write(temp, "Makefile", "CFLAGS=-O2\nsetup:\n\tpip install -r requirements.txt\ntrain: setup\n\tpython3 gpt.py\n");
        write(temp, "gpt.py", "print0(f\"step:{step}/{train_steps} val_loss:{val_loss:.4f}"
                + " train_time:{training_time_ms:.0f}ms step_avg:{avg:.2f}ms\")\n");

        StudyPlan plan = detect(temp);

        assertThat(plan.command()).containsExactly("make", "train");
        assertThat(plan.rewardMetric()).isEqualTo("val_loss");
        assertThat(MetricRegex.compile(plan.metrics().regex())
                .match("step:125/1750 val_loss:4.2816 train_time:35123ms step_avg:281.0ms"))
                .hasValueSatisfying(groups -> assertThat(groups).containsEntry("step", "125")
                        .containsEntry("val_loss", "4.2816").containsEntry("train_time", "35123"));
    }

    @Test
    void theCharlmTemplateCopiedIntoAPlainFolderWithItsOwnHistory() throws Exception {
        Path scratch = temp.resolve("template");
        Files.createDirectories(scratch);
        new TemplateCatalog(getClass().getClassLoader()).copy("charlm", scratch);
        Path code = scratch.resolve("baseline");
        PersonIdent me = new PersonIdent("Researcher", "r@example.org");
        try (Git git = Git.init().setDirectory(code.toFile()).setInitialBranch("dev").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("my charlm").setAuthor(me).setCommitter(me).setSign(false).call();
        }

        CodeSnapshot snapshot = new CodeReader(CodeReader.DEFAULT_MOST_BYTES).read(CodeLocation.parse(code + "@dev"));
        StudyPlan plan = detector.detect(snapshot, "charlm").plan();

        assertThat(plan.command()).containsExactly("python3", "train.py");
        assertThat(plan.protectedPaths()).containsExactly("evaluate.py");
        assertThat(plan.editable()).containsExactly("data/generate.py", "model.py", "train.py");
        assertThat(plan.metrics()).isEqualTo(MetricFormat.JSONL);
        assertThat(plan.rewardMetric()).isEqualTo("val_loss");
        assertThat(new PlanCheck(System.getenv("PATH")).problems(plan, snapshot)).isEmpty();
    }

    @Test
    void aFolderWithNoSourceCodeIsNotTakenForCode() throws Exception {
        write(temp, "notes.txt", "meeting notes\n");
        write(temp, "photo.jpg", "\u00ff\u00d8");

        assertThatThrownBy(() -> detect(temp)).isInstanceOf(IntakeException.class)
                .hasMessage(temp + " holds no source code (no .py, .c, .cu, … files, Makefile or run.sh); name the folder"
                        + " that holds your training program.");
    }

    @Test
    void codeThatPrintsNoRecognisedMetricsLeavesTheRewardOpen() throws Exception {
        write(temp, "run.sh", "#!/bin/sh\n./trainer\n");
        write(temp, "trainer.c", "int main(void) { return 0; }\n");

        StudyPlan plan = detect(temp);

        assertThat(plan.command()).isEqualTo(List.of("bash", "run.sh"));
        assertThat(plan.rewardMetric()).isNull();
    }
}
