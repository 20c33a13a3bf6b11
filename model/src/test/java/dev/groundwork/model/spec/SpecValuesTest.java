package dev.groundwork.model.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small value types the spec is made of. */
class SpecValuesTest {

    @Test
    void durations() {
        assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("10m")).contains(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("2h0m5s")).contains(Duration.ofSeconds(7205));
        assertThat(Durations.parse("0s")).contains(Duration.ZERO);
        for (String bad : List.of("", "10", "10x", "1.5h", "10M", "m", "30m1h", " 10m", "-5m")) {
            assertThat(Durations.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void agentRefs() {
        assertThat(AgentRef.parse("catalog")).contains(AgentRef.CATALOG);
        assertThat(AgentRef.parse("openai:gpt-4o")).contains(new AgentRef(AgentRef.Kind.OPENAI, Optional.of("gpt-4o")));
        assertThat(AgentRef.parse("openai:llama3:8b")).map(AgentRef::model).contains(Optional.of("llama3:8b"));
        assertThat(AgentRef.parse("anthropic:claude-sonnet-4")).hasValueSatisfying(
                agent -> assertThat(agent).hasToString("anthropic:claude-sonnet-4"));
        for (String bad : List.of("", "openai", "openai:", "catalog:x", "gemini:pro", "OpenAI:gpt-4o")) {
            assertThat(AgentRef.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void globs() {
        Glob python = Glob.of("**/*.py");
        assertThat(python.matches("train.py")).isTrue();
        assertThat(python.matches("lib/deep/util.py")).isTrue();
        assertThat(python.matches("train.pyc")).isFalse();
        assertThat(Glob.of("*.py").matches("lib/util.py")).isFalse();
        assertThat(Glob.of("data/**").matches("data/a/b.txt")).isTrue();
        assertThat(Glob.of("model?.py").matches("model2.py")).isTrue();
        assertThat(Glob.of("a+b.py").matches("aab.py")).isFalse();
    }

    @Test
    void protectedFilesAreNeverEditable() {
        BaselineSpec baseline = new BaselineSpec(
                BaselineSpec.DEFAULT_PATH, List.of(Glob.of("**/*.py")), List.of(Glob.of("eval/**")));

        assertThat(baseline.isEditable("model.py")).isTrue();
        assertThat(baseline.isEditable("eval/metric.py")).isFalse();
        assertThat(baseline.isProtected("eval/metric.py")).isTrue();
    }

    @Test
    void problemsFormatWhatIsKnown() {
        assertThat(new SpecProblem("groundwork.yaml", 7, 12, "run.timeout", "is wrong.").formatted())
                .isEqualTo("groundwork.yaml:7:12: run.timeout: is wrong.");
        assertThat(new SpecProblem("groundwork.yaml", 1, 1, "", "the file is empty.").formatted())
                .isEqualTo("groundwork.yaml:1:1: the file is empty.");
        assertThat(new SpecProblem("groundwork.yaml", 0, 0, "", "the file does not exist.").formatted())
                .isEqualTo("groundwork.yaml: the file does not exist.");
    }
}
