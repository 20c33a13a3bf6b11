package dev.groundwork.model.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each malformed spec gets exactly the sentences a researcher reads, placed at file:line:column. */
class SpecProblemsTest {

    @TempDir
    Path dir;

    StudyFixture study;

    @BeforeEach
    void createStudy() {
        study = new StudyFixture(dir);
    }

    @Test
    void badDuration() {
        assertThat(study.problems("""
                name: demo
                baseline: { editable: ["train.py"] }
                run:
                  target: local
                  command: ["python3", "train.py"]
                  gpus_per_run: 0
                  timeout: 10x
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:7:12: run.timeout: '10x' is not a duration; write a number followed by s, m or h, "
                        + "e.g. 10m.");
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        assertThat(study.problems("""
                name: demo
                run:
                  command: [python3, train.py]
                  gpu_per_run: 1
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:4:3: run.gpu_per_run: unknown key; the keys allowed here are target, image, command, "
                        + "smoke, gpus_per_run, timeout, seed, env, network, limits, user, artifacts and data — did you mean"
                        + " 'gpus_per_run'?");
    }

    @Test
    void aSandboxThatCannotBeAppliedIsReportedWhereItIsWritten() {
        assertThat(study.problems("""
                name: demo
                run:
                  command: [python3, train.py]
                  network: bridge
                  limits: { memory: 2 gigs, cpus: 0, pids: 4 }
                  user: "root user"
                  artifacts: [../secrets, out/metrics.json]
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:4:12: run.network: 'bridge' is not a network a run may have; write none (the default:"
                        + " generated code reaches no network) or host.",
                "groundwork.yaml:5:21: run.limits.memory: '2 gigs' is not a memory limit; write a size of at least"
                        + " 16m, e.g. 512m or 8g.",
                "groundwork.yaml:5:35: run.limits.cpus: must be more than 0, e.g. 2 or 0.5.",
                "groundwork.yaml:5:44: run.limits.pids: is 4; allow at least 16 processes (Python alone starts several"
                        + " threads).",
                "groundwork.yaml:6:9: run.user: 'root user' is not a user; write uid:gid, e.g. 1000:1000.",
                "groundwork.yaml:7:14: run.artifacts: '../secrets' is outside the workspace; name paths relative to it,"
                        + " e.g. out/metrics.json.");
    }

    @Test
    void unknownKeyWithNothingCloseListsTheAllowedOnes() {
        assertThat(study.problems("""
                name: demo
                owner: ada
                """)).containsExactly(
                "groundwork.yaml:2:1: owner: unknown key; the keys allowed here are name, description, baseline, run, "
                        + "metrics, reward, search, agents, gates and budget.");
    }

    @Test
    void textWhereANumberBelongs() {
        assertThat(study.problems("""
                name: demo
                run:
                  command: [python3, train.py]
                  gpus_per_run: two
                """)).containsExactly(
                "groundwork.yaml:4:17: run.gpus_per_run: expected a whole number, found 'two'.");
    }

    @Test
    void textWhereAListBelongs() {
        assertThat(study.problems("""
                name: demo
                run:
                  command: python3 train.py --steps 2
                """)).containsExactly(
                "groundwork.yaml:3:12: run.command: expected a list, found 'python3 train.py --steps 2'; write it as "
                        + "[\"python3\", \"train.py\", \"--steps\", \"2\"].");
    }

    @Test
    void aListWhereASectionBelongs() {
        assertThat(study.problems("""
                name: demo
                gates: [auto, manual]
                """)).containsExactly(
                "groundwork.yaml:2:8: gates: expected a mapping with the keys idea, patch and launch, found a list.");
    }

    @Test
    void valuesOutOfRangeAreAllReportedInFileOrder() {
        assertThat(study.problems("""
                name: demo
                budget: { llm_usd: -5 }
                run: { command: [python3, train.py], gpus_per_run: -1 }
                reward: { metric: val_loss, valid: [10, 0.5] }
                search:
                  epochs: 0
                  exploit: 1.5
                agents: { max_attempts: 11 }
                """)).containsExactly(
                "groundwork.yaml:2:20: budget.llm_usd: -5 is negative; use a number of at least 0, or leave the key "
                        + "out for no limit.",
                "groundwork.yaml:3:52: run.gpus_per_run: -1 is too small; use a whole number of at least 0.",
                "groundwork.yaml:4:36: reward.valid: low 10 is not below high 0.5; write [low, high] with low < high.",
                "groundwork.yaml:6:11: search.epochs: 0 is too small; use a whole number of at least 1.",
                "groundwork.yaml:7:12: search.exploit: '1.5' is neither annealed nor a share from 0 to 1; write "
                        + "annealed or a number such as 0.3.",
                "groundwork.yaml:8:25: agents.max_attempts: 11 is out of range; use a whole number from 1 to 10.");
    }

    @Test
    void badChoicesListTheAllowedValues() {
        assertThat(study.problems("""
                name: demo
                run: { target: dockr, command: [python3, train.py] }
                reward: { metric: val_loss, aggregate: median }
                search: { code_base: parent }
                agents: { ideator: gpt-4o }
                gates: { patch: ask }
                """)).containsExactly(
                "groundwork.yaml:2:16: run.target: 'dockr' is not allowed; use local or docker.",
                "groundwork.yaml:3:40: reward.aggregate: 'median' is not allowed; use last, best or mean.",
                "groundwork.yaml:4:22: search.code_base: 'parent' is not allowed; use baseline or best-parent.",
                "groundwork.yaml:5:20: agents.ideator: 'gpt-4o' is not an agent; write catalog, openai:MODEL or "
                        + "anthropic:MODEL, e.g. openai:gpt-4o.",
                "groundwork.yaml:6:17: gates.patch: 'ask' is not allowed; use auto or manual.");
    }

    @Test
    void missingRequiredKeysArePlacedAtTheirSection() {
        assertThat(study.problems("""
                # a study without its essentials
                description: nothing yet
                run:
                  timeout: 10m
                reward:
                  goal: maximize
                """)).containsExactly(
                "groundwork.yaml:2:1: name: is required; give the study a short name, e.g. name: charlm-demo.",
                "groundwork.yaml:3:1: run.command: is required; give the program and its arguments as a list, e.g. "
                        + "[\"python3\", \"train.py\"].",
                "groundwork.yaml:5:1: reward.metric: is required; name the metric the reward is read from, e.g. "
                        + "metric: val_loss.");
    }

    @Test
    void emptyEntries() {
        assertThat(study.problems("""
                name: demo
                baseline: { editable: [] }
                run: { command: [python3, ""] }
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:2:23: baseline.editable: is empty; list the files the implementer may change, e.g. "
                        + "[\"train.py\"], or leave the key out to let it change every .py file.",
                "groundwork.yaml:3:27: run.command[1]: is empty; write some text or remove the entry.");
    }

    @Test
    void missingBaselineFolder() {
        assertThat(study.problems("""
                name: demo
                baseline: { path: code }
                run: { command: [python3, train.py] }
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:2:19: baseline.path: folder 'code' does not exist in " + dir.toAbsolutePath()
                        + "; create it with the code under research, or point baseline.path at the folder that "
                        + "holds it.");
    }

    @Test
    void baselineOutsideTheStudy() {
        assertThat(study.problems("""
                name: demo
                baseline: { path: ../code, protected: [/etc/passwd] }
                run: { command: [python3, train.py] }
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:2:19: baseline.path: '../code' is not a folder inside the study; write its path "
                        + "relative to the study folder, e.g. baseline.",
                "groundwork.yaml:2:40: baseline.protected[0]: '/etc/passwd' reaches outside the baseline folder; "
                        + "write patterns relative to it, e.g. train.py or src/**/*.py.");
    }

    @Test
    void sameEntryEditableAndProtected() {
        assertThat(study.problems("""
                name: demo
                baseline:
                  editable: [train.py, evaluate.py]
                  protected: [data/**, evaluate.py]
                run: { command: [python3, train.py] }
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:4:24: baseline.protected[1]: 'evaluate.py' is also in baseline.editable; a file "
                        + "cannot be both editable and protected.");
    }

    @Test
    void editableAndProtectedPatternsMatchingOneFile() {
        assertThat(study.problems("""
                name: demo
                baseline: { editable: ["*.py"], protected: ["eval*"] }
                run: { command: [python3, train.py] }
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:2:45: baseline.protected[0]: 'eval*' matches evaluate.py, which editable '*.py' "
                        + "matches too; a file cannot be both editable and protected.");
    }

    @Test
    void dockerWithoutImage() {
        assertThat(study.problems("""
                name: demo
                run:
                  target: docker
                  command: [python3, train.py]
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:2:1: run.image: is required when run.target is docker; name the image to run in, "
                        + "e.g. groundwork/charlm:py3-numpy.");
    }

    @Test
    void regexThatDoesNotCompileGivesThePositionAsWritten() {
        assertThat(study.problems("""
                name: demo
                run: { command: [python3, train.py] }
                metrics:
                  parser: regex
                  regex: 'step:(?<step>\\d+ val_loss:(?<val_loss>[\\d.]+)'
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:5:10: metrics.regex: is not a valid regex (Unclosed group near index 45); fix it so "
                        + "that it matches one line of the run's output.");
    }

    @Test
    void regexWithoutStepOrMetricGroups() {
        assertThat(study.problems("""
                name: demo
                run: { command: [python3, train.py] }
                metrics: { parser: regex, regex: 'loss: [\\d.]+' }
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:3:34: metrics.regex: has no step group; capture the step number in one, e.g. "
                        + "step:(?<step>\\d+).",
                "groundwork.yaml:3:34: metrics.regex: has no metric group; capture each metric in a named group, "
                        + "e.g. val_loss:(?<val_loss>[\\d.]+).");
    }

    @Test
    void rewardMetricTheRegexDoesNotCapture() {
        assertThat(study.problems("""
                name: demo
                run: { command: [python3, train.py] }
                metrics:
                  parser: regex
                  regex: 'step:(?<step>\\d+) val_loss:(?<val_loss>[\\d.]+) time:(?<train_time_ms>\\d+)'
                reward: { metric: loss }
                """)).containsExactly(
                "groundwork.yaml:6:19: reward.metric: 'loss' is not captured by metrics.regex, which captures "
                        + "val_loss and train_time_ms; use one of those or add a group for it.");
    }

    @Test
    void regexMissingOrUnused() {
        assertThat(study.problems("""
                name: demo
                run: { command: [python3, train.py] }
                metrics: { regex: 'step:(?<step>\\d+) loss:(?<loss>[\\d.]+)' }
                reward: { metric: loss }
                """)).containsExactly(
                "groundwork.yaml:3:19: metrics.regex: is only read when metrics.parser is regex; add parser: regex "
                        + "or remove the regex.");
        assertThat(study.problems("""
                name: demo
                run: { command: [python3, train.py] }
                metrics:
                  parser: regex
                reward: { metric: loss }
                """)).containsExactly(
                "groundwork.yaml:3:1: metrics.regex: is required when metrics.parser is regex; write one with named "
                        + "groups, e.g. 'step:(?<step>\\d+) val_loss:(?<val_loss>[\\d.]+)'.");
    }

    @Test
    void badEnvironmentVariables() {
        assertThat(study.problems("""
                name: demo
                run:
                  command: [python3, train.py]
                  env:
                    OMP-THREADS: 1
                    CUDA_VISIBLE_DEVICES: 0
                    SEED:
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:5:5: run.env.OMP-THREADS: 'OMP-THREADS' is not a valid variable name; use letters, "
                        + "digits and underscores, not starting with a digit.",
                "groundwork.yaml:6:5: run.env.CUDA_VISIBLE_DEVICES: is set by Groundwork from each run's GPU slot; "
                        + "remove it and set run.gpus_per_run instead.",
                "groundwork.yaml:7:10: run.env.SEED: has no value; write one, e.g. SEED: \"1\".");
    }

    @Test
    void wrongValidRange() {
        assertThat(study.problems("""
                name: demo
                run: { command: [python3, train.py] }
                reward: { metric: val_loss, valid: [0, 1, 2] }
                """)).containsExactly(
                "groundwork.yaml:3:36: reward.valid: must be two numbers [low, high], e.g. [0.5, 10.0].");
    }

    @Test
    void duplicateKeys() {
        assertThat(study.problems("""
                name: demo
                run:
                  command: [python3, train.py]
                  timeout: 10m
                  timeout: 20m
                name: other
                """)).containsExactly(
                "groundwork.yaml:5:3: run.timeout: the key is written twice (first on line 4); keep one.",
                "groundwork.yaml:6:1: name: the key is written twice (first on line 1); keep one.");
    }

    @Test
    void emptyFile() {
        assertThat(study.problems("")).containsExactly(
                "groundwork.yaml:1:1: the file is empty; write at least name, run.command and reward.metric.");
        assertThat(study.problems("# only a comment\n")).containsExactly(
                "groundwork.yaml:1:1: the file is empty; write at least name, run.command and reward.metric.");
    }

    @Test
    void documentThatIsNotAMapping() {
        assertThat(study.problems("""
                - name: demo
                - run: {}
                """)).containsExactly(
                "groundwork.yaml:1:1: the file holds a list, not a mapping of keys; start it with keys such as name:, "
                        + "run: and reward:.");
    }

    @Test
    void secondDocument() {
        assertThat(study.problems("""
                name: demo
                ---
                name: other
                """)).containsExactly(
                "groundwork.yaml:3:1: a second YAML document starts here; keep the whole spec in one.");
    }

    @Test
    void yamlSyntaxError() {
        assertThat(study.problems("""
                name: demo
                run:
                  timeout: 10m
                   command: [python3, train.py]
                """)).containsExactly(
                "groundwork.yaml:4:11: this is not valid YAML (mapping values are not allowed here); check the "
                        + "indentation (spaces, not tabs), brackets and quotes.");
    }

    @Test
    void unclosedBracket() {
        assertThat(study.problems("""
                name: demo
                run: { command: [python3, train.py }
                """)).containsExactly(
                "groundwork.yaml:2:36: this is not valid YAML (expected ',' or ']', but got } while parsing a flow "
                        + "sequence); check the indentation (spaces, not tabs), brackets and quotes.");
    }

    @Test
    void numberTooLarge() {
        assertThat(study.problems("""
                name: demo
                run: { command: [python3, train.py], gpus_per_run: 99999999999 }
                """)).containsExactly(
                "groundwork.yaml:2:52: run.gpus_per_run: the number 99999999999 is out of range for this key.");
    }

    @Test
    void tabIndentation() {
        assertThat(study.problems("name: demo\nrun:\n\tcommand: [python3]\n")).containsExactly(
                "groundwork.yaml:3:1: this line is indented with a tab; YAML indents with spaces only.");
    }

    @Test
    void unterminatedQuoteNamesTheLineItStartsOn() {
        assertThat(study.problems("""
                name: "demo
                run: { command: [python3, train.py] }
                """)).containsExactly(
                "groundwork.yaml:3:1: this is not valid YAML (found unexpected end of stream while scanning a quoted "
                        + "scalar that starts on line 1); check the indentation (spaces, not tabs), brackets and "
                        + "quotes.");
    }

    @Test
    void aliases() {
        assertThat(study.problems("""
                name: demo
                x-command: &cmd [python3, train.py]
                run: { command: *cmd }
                """)).containsExactly(
                "groundwork.yaml:3:17: run.command: '*cmd' is a YAML alias, which Groundwork does not read; write the "
                        + "value out in full.");
    }

    @Test
    void baselineThatIsAFile() {
        assertThat(study.problems("""
                name: demo
                baseline: { path: baseline/train.py }
                run: { command: [python3, train.py] }
                reward: { metric: val_loss }
                """)).containsExactly(
                "groundwork.yaml:2:19: baseline.path: 'baseline/train.py' is a file, not a folder; point baseline.path "
                        + "at the folder that holds the code under research.");
    }
}
