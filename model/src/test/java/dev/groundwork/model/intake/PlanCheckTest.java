package dev.groundwork.model.intake;

import static dev.groundwork.model.intake.CodeReaderTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCheckTest {

    @TempDir
    Path temp;

    private CodeSnapshot code;
    private StudyPlan plan;
    private final PlanCheck check = new PlanCheck(System.getenv("PATH"));

    @BeforeEach
    void setUp() throws Exception {
        Path root = temp.resolve("code");
        write(root, "train.py", "import json\nprint(json.dumps({'step': 0, 'val_loss': 1.0}))\n");
        write(root, "evaluate.py", "pass\n");
        write(root, "Makefile", "train:\n\tpython3 train.py\n");
        Files.createSymbolicLink(root.resolve("model.py"), Path.of("train.py"));
        code = new CodeReader(CodeReader.DEFAULT_MOST_BYTES).read(CodeLocation.parse(root.toString()));
        plan = new CodeDetector().detect(code, "s").plan();
    }

    @Test
    void theDetectedPlanPasses() {
        assertThat(check.problems(plan, code)).isEmpty();
    }

    @Test
    void editablePathsOutsideTheCodeOrThroughSymlinksAreRefused() {
        assertThat(check.problems(plan.withEditable(List.of("../other/train.py")), code)).containsExactly(
                "The editable path '../other/train.py' reaches outside the code; write paths relative to it, e.g."
                        + " train.py or src/**/*.py.");
        assertThat(check.problems(plan.withEditable(List.of("/etc/passwd")), code)).hasSize(1);
        assertThat(check.problems(plan.withEditable(List.of("*.py")).withProtected(List.of()), code)).containsExactly(
                "The editable path '*.py' takes in 'model.py', a symbolic link; only regular files may be editable, so"
                        + " name the file it points to.");
        assertThat(check.problems(plan.withEditable(List.of("nothere.py")), code)).containsExactly(
                "The editable path 'nothere.py' matches no file of the code; name files it holds.");
        assertThat(check.problems(plan.withEditable(List.of("train.py", "evaluate.py")), code)).singleElement()
                .asString().startsWith("'evaluate.py' is both editable ('evaluate.py') and protected");
    }

    @Test
    void aRunCommandThatCannotBeFoundIsRefused() {
        assertThat(check.problems(plan.withCommand(List.of("no-such-program-here", "x")), code)).containsExactly(
                "The run command's program 'no-such-program-here' is not found on this machine (it is not on PATH);"
                        + " install it, or name a program that is.");
        assertThat(check.problems(plan.withCommand(List.of("python3", "trian.py")), code)).containsExactly(
                "The run command runs 'trian.py', which is not in the code; name a script the code holds, e.g."
                        + " evaluate.py.");
        assertThat(check.problems(plan.withCommand(List.of("./run.sh")), code)).singleElement().asString()
                .startsWith("The run command's program './run.sh' is not in the code");
        assertThat(check.problems(plan.withCommand(List.of("make", "bench")), code)).containsExactly(
                "The Makefile has no target 'bench'; name one it defines.");
        assertThat(check.problems(plan.withCommand(List.of()), code)).singleElement().asString()
                .startsWith("No run command was found in the code");
    }

    @Test
    void theRewardMustBeAMetricTheFormatReports() {
        assertThat(check.problems(plan.withReward(null, "minimize"), code)).singleElement().asString()
                .startsWith("No metric printing was recognised in the code");
        assertThat(check.problems(plan.withMetrics(MetricFormat.pairs("step", false, List.of("loss"))), code))
                .containsExactly("The reward metric 'val_loss' is not one of the metric regex's groups (loss); choose one"
                        + " of them.");
        assertThat(check.problems(plan.withGoal("lower"), code)).containsExactly(
                "The goal 'lower' is neither minimize nor maximize; choose one.");
    }

    @Test
    void runSettingsAndTheValidRangeAreChecked() {
        StudyPlan bad = plan.withRuns(new StudyPlan.Runs("soon", 0, -1)).withValid(new StudyPlan.Valid(2, 1));

        assertThat(check.problems(bad, code)).containsExactly(
                "The timeout 'soon' is not a duration; write e.g. 90s, 30m or 2h.",
                "At least one run must run at a time; set concurrency to 1 or more.",
                "GPUs per run cannot be negative; write 0 for CPU-only runs.",
                "The valid range's low end must be below its high end; correct them or leave both empty.");
        assertThat(check.problems(plan.withRuns(new StudyPlan.Runs("90s", 2, 1)).withValid(new StudyPlan.Valid(0, 5)),
                code)).isEmpty();
    }
}
