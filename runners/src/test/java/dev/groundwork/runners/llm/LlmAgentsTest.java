package dev.groundwork.runners.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.Implementer;
import dev.groundwork.model.spec.SpecLoader;
import dev.groundwork.model.spec.StudySpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmAgentsTest {

    private static final Path CHARLM = Path.of("../resources/environments/charlm").toAbsolutePath().normalize();

    @Test
    void theStudyDescriptionHoldsWhatAgentsNeedAndNoEnvironmentValues() throws Exception {
        StudySpec spec = SpecLoader.loadStudy(CHARLM);

        String description = StudyDescription.of(spec, Optional.of("# charlm\n\nA tiny model.\n"));

        assertThat(description).startsWith("Study: charlm\n\nA character-level language model in plain numpy")
                .contains("Editable files: train.py, model.py\n")
                .contains("Protected files (withheld; never change them): evaluate.py, data/**\n")
                .contains("Each run: `python3 train.py`, stopped after 3 min, on the CPU.\n")
                .contains("Reward: the last value of the metric val_loss; lower is better. A reward outside [0.3, 8]"
                        + " counts as reward hacking and scores as a failed run.\n")
                .endsWith("## The baseline's README\n\n# charlm\n\nA tiny model.")
                .doesNotContain("OMP_NUM_THREADS").doesNotContain("llm_usd");
    }

    @Test
    void theFactoryMakesAgentsForEitherProvider() {
        LlmAgents agents = LlmAgents.create(Optional.empty(), Optional.empty());
        FakeCallLog log = new FakeCallLog();
        LlmSettings gpt = LlmAgents.settings(dev.groundwork.model.spec.AgentRef.parse("openai:gpt-4o").orElseThrow(),
                "agents.ideator", Map.of("OPENAI_API_KEY", "sk-x"), Map.of());
        LlmSettings claude = LlmAgents.settings(
                dev.groundwork.model.spec.AgentRef.parse("anthropic:claude-sonnet-4-5").orElseThrow(),
                "agents.implementer", Map.of("ANTHROPIC_API_KEY", "sk-ant-x"), Map.of());

        Ideator ideator = agents.ideator(gpt, "Study: x", log);
        Implementer implementer = agents.implementer(claude, "Study: x", log);

        assertThat(ideator.displayName()).isEqualTo("openai:gpt-4o");
        assertThat(implementer.displayName()).isEqualTo("anthropic:claude-sonnet-4-5");
        assertThat(implementer.author()).isEqualTo("llm:claude-sonnet-4-5");
        assertThat(agents.prompts().source(PromptTemplates.IMPLEMENTER)).contains("{{files}}");
        assertThat(log.calls()).isEmpty();
    }
}
