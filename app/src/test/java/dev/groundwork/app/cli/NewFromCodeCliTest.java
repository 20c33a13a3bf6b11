package dev.groundwork.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `groundwork new DIR --from PATH[@REV]`: what it shows, what it makes, and what it refuses without leaving anything. */
class NewFromCodeCliTest {

    @TempDir
    Path temp;

    private CliRunner cli() {
        return new CliRunner(temp.resolve("home"));
    }

    private Path code() throws Exception {
        Path code = temp.resolve("mycode");
        Files.createDirectories(code.resolve("data"));
        Files.writeString(code.resolve("train.py"), "import json\nprint(json.dumps({'step': 0, 'val_loss': 1.5}))\n");
        Files.writeString(code.resolve("evaluate.py"), "pass\n");
        Files.write(code.resolve("data/shard.bin"), new byte[3 << 10]);
        return code;
    }

    @Test
    void theDetectedProposalIsShownAndTheStudyMade() throws Exception {
        Path code = code();
        Path study = temp.resolve("study");

        CliRunner.Outcome made = cli().run("new", study.toString(), "--from", code.toString(), "--max-file-size", "2k");

        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.err())
                .contains("Code:      " + code + ", 2 files")
                .contains("Left out 1 item: data/shard.bin (3 KB, over the 2 KB limit).")
                .contains("Run:       python3 train.py   (found from train.py at the top of the code; change with --command)")
                .contains("Editable:  train.py   (source files; change with --editable)")
                .contains("Protected: evaluate.py")
                .contains("Metrics:   JSON lines")
                .contains("Reward:    val_loss, minimize");
        assertThat(made.out()).isEqualTo("Created study 'mycode' in " + study + " from " + code + ".\n");
        assertThat(study.resolve("baseline/train.py")).exists();
        assertThat(study.resolve("baseline/data/shard.bin")).doesNotExist();
        assertThat(cli().run("status", study.toString()).exitCode()).isZero();
    }

    @Test
    void withProbeTheNewStudysBaselineRunsAtOnceAndItsMetricsAreProposed() throws Exception {
        Path code = code();
        Files.writeString(code.resolve("train.py"), "import json\nfor step in range(3):\n"
                + "    print(json.dumps({'step': step, 'train_loss': 2.0 - step, 'val_acc': 0.5 + step / 10}), flush=True)\n");
        Path study = temp.resolve("study");

        CliRunner.Outcome made = cli().run("new", study.toString(), "--from", code.toString(), "--probe");

        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.err()).contains("Running the baseline of 'mycode' for up to 2m: python3 train.py")
                .contains("(JSON line: train_loss, val_acc)").doesNotContain("Next: groundwork probe");
        assertThat(made.out()).startsWith("Created study 'mycode' in " + study + " from " + code + ".\n")
                .contains("Saw 3 metric lines (train_loss, val_acc)")
                .contains("  reward: { metric: val_acc, goal: maximize }");

        assertThat(cli().run("new", temp.resolve("other").toString(), "--from", code.toString(), "--probe", "soon")
                .err()).contains("--probe 'soon' is not a duration; write e.g. 90s or 2m.");
        assertThat(temp.resolve("other")).doesNotExist();
    }

    @Test
    void flagsOverrideTheProposal() throws Exception {
        Path code = code();
        Path study = temp.resolve("study");

        CliRunner.Outcome made = cli().run("new", study.toString(), "--from", code.toString(), "--name", "mine",
                "--command", "python3 evaluate.py", "--protected", "train.py", "--editable", "evaluate.py",
                "--regex", "it (?<step>\\d+) acc (?<acc>[\\d.]+)", "--reward", "acc");

        assertThat(made.exitCode()).as(made.err()).isZero();
        String spec = Files.readString(study.resolve("groundwork.yaml"));
        assertThat(spec).contains("name: \"mine\"").contains("command: [\"python3\", \"evaluate.py\"]")
                .contains("editable: [\"evaluate.py\"]").contains("protected: [\"train.py\"]")
                .contains("regex: 'it (?<step>\\d+) acc (?<acc>[\\d.]+)'")
                .contains("reward: { metric: \"acc\", goal: maximize");
    }

    @Test
    void badInputIsOneSentenceAndLeavesNoStudy() throws Exception {
        Path code = code();
        Path study = temp.resolve("study");
        Path notes = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "buy milk\n");

        assertRefused(cli().run("new", study.toString(), "--from", code + "@v2"),
                code + " is not a git repository, so it has no revisions; leave '@' and the revision out to use the"
                        + " folder as it is.");
        assertRefused(cli().run("new", study.toString(), "--from", notes.toString()),
                notes + " holds no source code (no .py, .c, .cu, … files, Makefile or run.sh); name the folder that holds"
                        + " your training program.");
        assertRefused(cli().run("new", study.toString(), "--from", temp.resolve("nowhere").toString()),
                "There is no folder " + temp.resolve("nowhere") + "; name the folder that holds your code.");
        assertRefused(cli().run("new", study.toString(), "--from", code.toString(), "--command", "pyhton3 train.py"),
                "The run command's program 'pyhton3' is not found on this machine (it is not on PATH); install it, or"
                        + " name a program that is.\ngroundwork: Nothing was created; correct it with --command,"
                        + " --editable, --protected, --regex or --reward.");
        assertRefused(cli().run("new", study.toString(), "--from", code.toString(), "--editable", "../mycode/train.py"),
                "The editable path '../mycode/train.py' reaches outside the code; write paths relative to it, e.g."
                        + " train.py or src/**/*.py.\ngroundwork: Nothing was created; correct it with --command,"
                        + " --editable, --protected, --regex or --reward.");
    }

    private void assertRefused(CliRunner.Outcome outcome, String sentence) {
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).endsWith("groundwork: " + sentence + "\n");
        assertThat(temp.resolve("study")).doesNotExist();
    }
}
