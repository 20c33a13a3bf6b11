package dev.groundwork.runners.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmPromptTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void theBundledTemplatesFillAndDropEmptySections() {
        PromptTemplates templates = PromptTemplates.bundled();

        LlmPrompt bare = templates.render(PromptTemplates.IDEATOR_EXPLORE,
                Map.of("study", "Study: x", "count", "3", "avoid", ""));
        LlmPrompt avoiding = templates.render(PromptTemplates.IDEATOR_EXPLORE,
                Map.of("study", "Study: x", "count", "3", "avoid", "- #1 Cosine LR"));

        assertThat(bare.system()).startsWith("You are a research scientist").doesNotContain("[[");
        assertThat(bare.user()).startsWith("# The study\n\nStudy: x\n\n# Your task")
                .contains("Propose 3 new research ideas").doesNotContain("avoid similar").doesNotContain("{{")
                .doesNotContain("\n\n\n");
        assertThat(avoiding.user()).contains("# Ideas already proposed in this study (avoid similar ideas)\n\n"
                + "- #1 Cosine LR\n\n# Your task");
        assertThat(bare.transcript()).startsWith("[[system]]\nYou are").contains("\n[[user]]\n# The study");
    }

    @Test
    void valuesAreNotExpandedAgain() {
        LlmPrompt prompt = PromptTemplates.bundled().render(PromptTemplates.IDEATOR_EXPLORE,
                Map.of("study", "uses {{count}} and {{#avoid}} literally", "count", "2", "avoid", ""));

        assertThat(prompt.user()).contains("uses {{count}} and {{#avoid}} literally");
    }

    @Test
    void aUsersTemplateReplacesTheBundledOne() throws IOException {
        Files.writeString(dir.resolve(PromptTemplates.IMPLEMENTER), """
                [[system]]
                Be careful.
                [[user]]
                Implement {{title}}:
                {{idea}}
                {{files}}
                {{#reviewer_comment}}Reviewer: {{reviewer_comment}}{{/reviewer_comment}}
                """);

        PromptTemplates templates = PromptTemplates.load(Optional.of(dir));
        LlmPrompt prompt = templates.render(PromptTemplates.IMPLEMENTER, Map.of("title", "T", "idea", "I",
                "files", "F", "reviewer_comment", "", "study", "S"));

        assertThat(prompt).isEqualTo(new LlmPrompt("Be careful.", "Implement T:\nI\nF"));
        assertThat(templates.source(PromptTemplates.IDEATOR_EXPLORE)).contains("{{avoid}}"); // still bundled
    }

    @Test
    void aMalformedUserTemplateIsASentence() throws IOException {
        Path file = dir.resolve(PromptTemplates.IDEATOR_EXPLOIT);
        Files.writeString(file, "[[system]]\nx\n[[user]]\n{{study}} {{budget}}\n");
        assertThatThrownBy(() -> PromptTemplates.load(Optional.of(dir))).hasMessage("the prompt template " + file
                + " uses {{budget}}, which Groundwork does not fill; use only avoid, count, exemplars, study.");
        Files.writeString(file, "Propose {{count}} ideas.");
        assertThatThrownBy(() -> PromptTemplates.load(Optional.of(dir))).hasMessage("the prompt template " + file
                + " needs a line [[system]] and, after it, a line [[user]]; add them, or remove the file to use the"
                + " bundled one.");
    }
}
