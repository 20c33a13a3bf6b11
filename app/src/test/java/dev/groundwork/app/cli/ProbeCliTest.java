package dev.groundwork.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `groundwork probe DIR`: a real python3 process per metric format, and the baselines that give nothing to read. */
class ProbeCliTest {

    @TempDir
    Path temp;

    private CliRunner cli() {
        return new CliRunner(temp.resolve("home"));
    }

    /** A study made with `new --from` from one train.py, its reward named so that any format is accepted. */
    private Path study(String trainPy, String... flags) throws Exception {
        Path code = Files.createDirectories(temp.resolve("code"));
        Files.writeString(code.resolve("train.py"), trainPy);
        Path study = temp.resolve("study");
        String[] args = new String[4 + flags.length];
        args[0] = "new";
        args[1] = study.toString();
        args[2] = "--from";
        args[3] = code.toString();
        System.arraycopy(flags, 0, args, 4, flags.length);
        CliRunner.Outcome made = cli().run(args);
        assertThat(made.exitCode()).as(made.err()).isZero();
        return study;
    }

    @Test
    void jsonLines() throws Exception {
        Path study = study("import json\nprint('warming up')\nfor step in range(3):\n"
                + "    print(json.dumps({'step': step, 'train_loss': 3.0 - step, 'val_loss': 3.5 - step}), flush=True)\n");

        CliRunner.Outcome probed = cli().run("probe", study.toString(), "--timeout", "60s");

        assertThat(probed.exitCode()).as(probed.err()).isZero();
        assertThat(probed.err()).contains("  {\"step\": 2, \"train_loss\": 1.0, \"val_loss\": 1.5}   (JSON line:"
                + " train_loss, val_loss)").doesNotContain("warming up").contains("groundwork.yaml already says so.");
        assertThat(probed.out()).startsWith("Saw 3 metric lines (train_loss, val_loss); the baseline ended after")
                .contains("  metrics: { parser: jsonl }\n  reward: { metric: val_loss, goal: minimize }\n");
    }

    @Test
    void keyValuePairsAreProposedAsARegexThatReadsThem() throws Exception {
        Path study = study("for step in range(4):\n    print('step=%d loss=%.3f acc=%.2f' % (step, 1 / (step + 1),"
                + " step / 4), flush=True)\n", "--reward", "acc", "--regex", "step=(?<step>\\d+) acc=(?<acc>[\\d.]+)");

        CliRunner.Outcome probed = cli().run("probe", study.toString());

        assertThat(probed.exitCode()).as(probed.err()).isZero();
        assertThat(probed.out()).startsWith("Saw 4 metric lines (loss, acc)")
                .contains("  metrics: { parser: regex, regex: '\\bstep\\s*[=:]\\s*(?<step>\\d+)(?:.*?\\bloss")
                .contains("  reward: { metric: acc, goal: maximize }");
        assertThat(probed.err()).contains("would not read what the baseline prints");
    }

    @Test
    void moddedNanogptLinesFromAProgramStoppedAtTheProbesLimit() throws Exception {
        Path study = study("import time\nfor step in range(1000):\n"
                + "    print(f'step:{step}/1000 val_loss:{4.0 - step / 1000:.4f} train_time:{step * 150}ms', flush=True)\n"
                + "    time.sleep(0.2)\n", "--reward", "val_loss", "--regex", "step:(?<step>\\d+)/\\d+ val_loss:(?<val_loss>[\\d.]+)");

        CliRunner.Outcome probed = cli().run("probe", study.toString(), "--timeout", "3s");

        assertThat(probed.exitCode()).as(probed.err()).isZero();
        assertThat(probed.err()).contains("step:0/1000 val_loss:4.0000 train_time:0ms   (step:N/M pairs"
                + " (modded-nanogpt): val_loss, train_time)");
        assertThat(probed.out()).contains("the baseline was stopped after 3s as asked")
                .contains("(?<val_loss>").contains("reward: { metric: val_loss, goal: minimize }");
    }

    @Test
    void aBaselineThatCrashesOrPrintsNoMetricSaysWhatToDo() throws Exception {
        Path study = study("import json\nprint(json.dumps({'step': 0, 'val_loss': 1.0}))\nraise SystemExit(3)\n");
        CliRunner.Outcome crashed = cli().run("probe", study.toString());
        assertThat(crashed.exitCode()).isEqualTo(1);
        assertThat(crashed.err()).endsWith("groundwork: The baseline failed (ended after " + crashed.err()
                .replaceAll("(?s).*ended after ([\\d.]+ s).*", "$1") + " with exit 3, code) after 1 metric line; its last"
                + " lines are above. Fix the code in baseline/, commit it on main, and probe again.\n");

        Files.writeString(study.resolve("baseline/train.py"), "print('hello')\n");
        try (var git = org.eclipse.jgit.api.Git.open(study.resolve("baseline").toFile())) {
            git.commit().setAll(true).setMessage("quiet").setSign(false).call();
        }
        CliRunner.Outcome quiet = cli().run("probe", study.toString());
        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.err()).contains("and printed no metric line Groundwork can read; make it print JSON lines");
    }
}
