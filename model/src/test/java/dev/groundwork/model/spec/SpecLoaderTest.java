package dev.groundwork.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.spec.RewardSpec.ValidRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {

    @TempDir
    Path dir;

    StudyFixture study;

    @BeforeEach
    void createStudy() {
        study = new StudyFixture(dir);
    }

    @Test
    void loadsEveryKeyOfAFullSpec() throws SpecException {
        StudySpec spec = study.load("""
                name: charlm-demo
                description: "A character-level language model."
                baseline: { path: baseline, editable: ["train.py", "model.py"], protected: ["evaluate.py"] }
                run:
                  target: docker
                  image: groundwork/charlm:py3-numpy
                  command: ["python3", "train.py"]
                  smoke: ["python3", "train.py", "--steps", "2"]
                  gpus_per_run: 1
                  timeout: 1h30m
                  seed: 7
                  env: { OMP_NUM_THREADS: 1, DATA: input.txt }
                  network: host
                  limits: { memory: 8g, cpus: 3.5, pids: 512 }
                  user: "1001:1001"
                  artifacts: [out/metrics.json, checkpoints/last.pt]
                  data: { fineweb: /data/fineweb10B }
                metrics:
                  parser: regex
                  regex: 'step:(?<step>\\d+)/\\d+ val_loss:(?<val_loss>[\\d.]+) train_time:(?<train_time_ms>\\d+)ms'
                reward: { metric: val_loss, goal: maximize, aggregate: best, valid: [0.5, 10] }
                search: { epochs: 12, ideas_per_epoch: 6, exploit: 0.3, top_k: 50, concurrency: 4, code_base: best-parent, mode: best-of-n }
                agents: { ideator: "openai:gpt-4o", implementer: anthropic:claude-sonnet-4, max_attempts: 5 }
                gates: { idea: manual, patch: auto, launch: manual }
                budget: { llm_usd: 20, gpu_hours: 8.5 }
                """);

        assertThat(spec.name()).isEqualTo("charlm-demo");
        assertThat(spec.description()).isEqualTo("A character-level language model.");
        assertThat(spec.baseline()).isEqualTo(new BaselineSpec(
                Path.of("baseline"), List.of(Glob.of("train.py"), Glob.of("model.py")), List.of(Glob.of("evaluate.py"))));
        assertThat(spec.run()).isEqualTo(new RunSpec(
                RunSpec.Target.DOCKER,
                Optional.of("groundwork/charlm:py3-numpy"),
                List.of("python3", "train.py"),
                List.of("python3", "train.py", "--steps", "2"),
                1,
                Duration.ofMinutes(90),
                OptionalLong.of(7),
                Map.of("OMP_NUM_THREADS", "1", "DATA", "input.txt"),
                new Sandbox("host", OptionalLong.of(8L << 30), OptionalDouble.of(3.5), OptionalLong.of(512), "1001:1001",
                        List.of("out/metrics.json", "checkpoints/last.pt"), Map.of("fineweb", "/data/fineweb10B"))));
        assertThat(spec.run().env().keySet()).containsExactly("OMP_NUM_THREADS", "DATA");
        assertThat(spec.metrics().parser()).isEqualTo(MetricsSpec.Parser.REGEX);
        assertThat(spec.metrics().regex()).map(MetricRegex::metricNames).contains(List.of("val_loss", "train_time_ms"));
        assertThat(spec.reward()).isEqualTo(new RewardSpec(
                "val_loss", RewardSpec.Goal.MAXIMIZE, RewardSpec.Aggregate.BEST, Optional.of(new ValidRange(0.5, 10))));
        assertThat(spec.search()).isEqualTo(new SearchSpec(
                12, 6, new Exploit.Fixed(0.3), 50, 4, SearchSpec.CodeBase.BEST_PARENT, SearchSpec.Mode.BEST_OF_N));
        assertThat(spec.agents()).isEqualTo(new AgentsSpec(
                new AgentRef(AgentRef.Kind.OPENAI, Optional.of("gpt-4o")),
                new AgentRef(AgentRef.Kind.ANTHROPIC, Optional.of("claude-sonnet-4")),
                5));
        assertThat(spec.gates()).isEqualTo(
                new GatesSpec(GatesSpec.Gate.MANUAL, GatesSpec.Gate.AUTO, GatesSpec.Gate.MANUAL));
        assertThat(spec.budget()).isEqualTo(new BudgetSpec(OptionalDouble.of(20), OptionalDouble.of(8.5)));
    }

    @Test
    void fillsInEveryDefaultOfAMinimalSpec() throws SpecException {
        StudySpec spec = study.load("""
                name: demo
                run: { command: ["python3", "train.py"] }
                reward: { metric: val_loss }
                """);

        assertThat(spec.description()).isEmpty();
        assertThat(spec.baseline()).isEqualTo(
                new BaselineSpec(Path.of("baseline"), List.of(Glob.of("**/*.py")), List.of()));
        assertThat(spec.run()).isEqualTo(new RunSpec(
                RunSpec.Target.LOCAL,
                Optional.empty(),
                List.of("python3", "train.py"),
                List.of(),
                0,
                Duration.ofMinutes(30),
                OptionalLong.empty(),
                Map.of()));
        assertThat(spec.metrics()).isEqualTo(new MetricsSpec(MetricsSpec.Parser.JSONL, Optional.empty()));
        assertThat(spec.reward()).isEqualTo(
                new RewardSpec("val_loss", RewardSpec.Goal.MINIMIZE, RewardSpec.Aggregate.LAST, Optional.empty()));
        assertThat(spec.search()).isEqualTo(new SearchSpec(
                10, 8, Exploit.ANNEALED, 100, 2, SearchSpec.CodeBase.BASELINE, SearchSpec.Mode.EVOLVE));
        assertThat(spec.agents()).isEqualTo(new AgentsSpec(AgentRef.CATALOG, AgentRef.CATALOG, 3));
        assertThat(spec.gates()).isEqualTo(
                new GatesSpec(GatesSpec.Gate.AUTO, GatesSpec.Gate.MANUAL, GatesSpec.Gate.AUTO));
        assertThat(spec.budget()).isEqualTo(BudgetSpec.UNLIMITED);
    }

    @Test
    void treatsEmptySectionsAsAbsent() throws SpecException {
        StudySpec spec = study.load("""
                name: demo
                baseline:
                run: { command: [python3, train.py], env: }
                reward: { metric: loss }
                search:
                """);

        assertThat(spec.baseline().editable()).containsExactly(Glob.of("**/*.py"));
        assertThat(spec.search()).isEqualTo(SearchSpec.DEFAULT);
        assertThat(spec.run().env()).isEmpty();
    }

    @Test
    void defaultEditablePatternLeavesProtectedFilesOut() throws SpecException {
        StudySpec spec = study.load("""
                name: demo
                baseline: { protected: [evaluate.py] }
                run: { command: [python3, train.py] }
                reward: { metric: val_loss }
                """);

        assertThat(spec.baseline().isEditable("train.py")).isTrue();
        assertThat(spec.baseline().isEditable("lib/util.py")).isTrue();
        assertThat(spec.baseline().isEditable("evaluate.py")).isFalse();
        assertThat(spec.baseline().isProtected("evaluate.py")).isTrue();
        assertThat(spec.baseline().isEditable("data/input.txt")).isFalse();
    }

    @Test
    void gitsOwnFilesAreNotPartOfTheBaseline() throws SpecException {
        study.write("baseline/.git/hooks/check.py", "");

        StudySpec spec = study.load("""
                name: demo
                baseline: { editable: ["**/*.py"], protected: ["**/hooks/*.py"] }
                run: { command: [python3, train.py] }
                reward: { metric: val_loss }
                """);

        assertThat(spec.baseline().protectedPaths()).containsExactly(Glob.of("**/hooks/*.py"));
    }

    @Test
    void loadsASpecFileByAnyNameAndNamesItRelativeToTheStudy() {
        study.write("specs/other.yaml", "name: demo\n");

        assertThatThrownBy(() -> SpecLoader.load(Path.of("specs/other.yaml"), dir))
                .isInstanceOf(SpecException.class)
                .hasMessage("specs/other.yaml:1:1: run.command: is required; give the program and its arguments as a "
                        + "list, e.g. [\"python3\", \"train.py\"].\n"
                        + "specs/other.yaml:1:1: reward.metric: is required; name the metric the reward is read "
                        + "from, e.g. metric: val_loss.");
    }

    @Test
    void reportsAStudyWithoutSpecFile(@TempDir Path empty) {
        assertThatThrownBy(() -> SpecLoader.loadStudy(empty))
                .isInstanceOf(SpecException.class)
                .hasMessage("groundwork.yaml: the file does not exist in " + empty.toAbsolutePath()
                        + "; open a study folder, or create a study first.");
    }
}
