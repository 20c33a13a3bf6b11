package dev.groundwork.runners.llm;

import static dev.groundwork.runners.llm.ApiBodies.chatCompletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.ImplementationRequest;
import dev.groundwork.model.agent.ImplementationRequest.FailedAttempt;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.llm.LlmRole;
import dev.groundwork.model.patch.engine.ApplyOptions;
import dev.groundwork.model.patch.engine.ApplyOutcome;
import dev.groundwork.model.patch.engine.BaseTree;
import dev.groundwork.model.patch.engine.PatchEngine;
import dev.groundwork.model.patch.engine.PathRules;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmImplementerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRAIN = """
            import numpy as np
            from model import MLP

            STEPS = 300
            LR = 0.1
            HIDDEN = 256

            def main():
                model = MLP(HIDDEN)
                for step in range(STEPS):
                    loss = model.step(LR)
                    print({"step": step, "val_loss": loss})

            main()
            """;
    private static final String MODEL = """
            import numpy as np

            class MLP:
                def __init__(self, hidden):
                    self.w = np.zeros(hidden)
            """;
    private static final Map<String, String> FILES = Map.of("train.py", TRAIN, "model.py", MODEL);
    private static final Idea IDEA = new Idea(7, 2, IdeaOrigin.LLM_EXPLORE, "Lower learning rate",
            "[Experiment] Halve the learning rate to 0.05.\n[Code Changes] train.py: LR = 0.05.\n[End]", List.of(),
            IdeaStatus.IMPLEMENTING, "", null, 3L, Instant.EPOCH, Instant.EPOCH);
    private static final String GOOD_DIFF = """
            --- a/train.py
            +++ b/train.py
            @@ -3,5 +3,5 @@
            \s
             STEPS = 300
            -LR = 0.1
            +LR = 0.05
             HIDDEN = 256
            \s
            """;
    /** The model misremembers a context line: HIDDEN is 256, not 128. */
    private static final String BAD_DIFF = """
            --- a/train.py
            +++ b/train.py
            @@ -4,3 +4,3 @@
             STEPS = 300
            -LR = 0.2
            +LR = 0.05
             HIDDEN = 128
            """;

    private MockApi api;

    @BeforeEach
    void start() throws IOException {
        api = new MockApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private LlmImplementer implementer(LlmSettings settings) {
        return new LlmImplementer(api.client(settings), PromptTemplates.bundled(), "Study: charlm", api.log,
                Pricing.bundled());
    }

    private static ImplementationRequest request(List<FailedAttempt> failures, Optional<String> comment,
                                                 Optional<String> traceback) {
        return new ImplementationRequest(IDEA, FILES, List.of(), failures, comment, traceback);
    }

    private static String userMessage(RecordedRequest request) throws IOException {
        JsonNode messages = JSON.readTree(MockApi.body(request)).get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }

    @Test
    void asksForOneDiffWithNumberedEditableFilesAndReturnsTheAnswerAsItCame() throws Exception {
        String answer = "Here is the change.\n\n```diff\n" + GOOD_DIFF + "```\n";
        api.json(200, chatCompletion("gpt-4o-2024-08-06", answer, 1500, 120));
        LlmImplementer implementer = implementer(api.openAi("gpt-4o"));

        String diff = implementer.implement(request(List.of(), Optional.empty(), Optional.empty()));

        assertThat(diff).isEqualTo(answer.strip());
        assertThat(implementer.author()).isEqualTo("llm:gpt-4o");
        assertThat(implementer.displayName()).isEqualTo("openai:gpt-4o");
        String prompt = userMessage(api.take());
        assertThat(prompt).contains("# The idea to implement\n\n[Title] Lower learning rate\n[Experiment] Halve the"
                        + " learning rate to 0.05.")
                .contains("## model.py\n\n```python\n  1 | import numpy as np\n")
                .contains("## train.py\n\n```python\n  1 | import numpy as np\n  2 | from model import MLP\n")
                .contains("  5 | LR = 0.1\n")
                .contains("Do not import packages the code does not already import")
                .contains("Do not change how the model is evaluated")
                .contains("single ```diff block")
                .doesNotContain("earlier attempts").doesNotContain("reviewer's comment").doesNotContain("crashed")
                .doesNotContain("{{");
        assertThat(prompt.indexOf("## model.py")).isLessThan(prompt.indexOf("## train.py"));
        LlmCall call = api.log.last();
        assertThat(call.role()).isEqualTo(LlmRole.IMPLEMENTER);
        assertThat(call.ideaId()).isEqualTo(7L);
        assertThat(call.epoch()).isEqualTo(2);
        assertThat(call.response()).isEqualTo(answer);
        assertThat(call.costUsd()).isGreaterThan(0);
    }

    @Test
    void aDiffThatFailsGoesBackWithItsErrorAndTheNextOneApplies() throws Exception {
        api.json(200, chatCompletion("gpt-4o", "```diff\n" + BAD_DIFF + "```", 1500, 80));
        api.json(200, chatCompletion("gpt-4o", "Fixed: the context now matches.\n```diff\n" + GOOD_DIFF + "```", 1900, 90));
        LlmImplementer implementer = implementer(api.openAi("gpt-4o"));
        PatchEngine engine = new PatchEngine(PathRules.anyFileInside(), ApplyOptions.DEFAULT);

        String first = implementer.implement(request(List.of(), Optional.empty(), Optional.empty()));
        ApplyOutcome firstOutcome = engine.apply(first, BaseTree.of(FILES));
        assertThat(firstOutcome.applied()).isFalse();
        String error = firstOutcome.report().summary();

        String second = implementer.implement(request(List.of(new FailedAttempt(first, error)), Optional.empty(),
                Optional.empty()));
        ApplyOutcome secondOutcome = engine.apply(second, BaseTree.of(FILES));

        assertThat(secondOutcome.applied()).isTrue();
        assertThat(secondOutcome.applyTo(FILES).get("train.py")).contains("LR = 0.05\n").doesNotContain("LR = 0.1\n");
        api.take();
        String retryPrompt = userMessage(api.take());
        assertThat(retryPrompt).contains("# Your earlier attempts, and why each failed")
                .contains("## Attempt 1\n\n````diff\n```diff\n--- a/train.py")
                .contains("-LR = 0.2\n+LR = 0.05\n HIDDEN = 128")
                .contains("Why it failed:\n\n```text\n" + error.strip() + "\n```")
                .contains("Write a new diff against the files as shown above");
        assertThat(api.log.calls()).hasSize(2).allSatisfy(call -> assertThat(call.ideaId()).isEqualTo(7L));
    }

    @Test
    void theReviewersCommentAndARunsTracebackGoIntoThePrompt() throws Exception {
        api.json(200, chatCompletion("gpt-4o", GOOD_DIFF, 10, 10));
        String traceback = """
                Traceback (most recent call last):
                  File "train.py", line 14, in <module>
                    main()
                ValueError: shapes (64,16) and (32,) not aligned""";

        implementer(api.openAi("gpt-4o")).implement(request(List.of(),
                Optional.of("Keep HIDDEN as it is; only touch the learning rate."), Optional.of(traceback)));

        String prompt = userMessage(api.take());
        assertThat(prompt).contains("# The reviewer's comment on the last patch\n\nKeep HIDDEN as it is; only touch the"
                        + " learning rate.")
                .contains("# The last patch crashed when it ran\n\n```text\nTraceback (most recent call last):")
                .contains("ValueError: shapes (64,16) and (32,) not aligned\n```\n\nFind the cause and fix it");
    }

    @Test
    void anAnswerWithoutADiffIsAnAgentException() {
        api.json(200, chatCompletion("gpt-4o", "I think lowering the learning rate is a great idea!", 1500, 12));

        AgentException e = catchThrowableOfType(AgentException.class, () -> implementer(api.openAi("gpt-4o"))
                .implement(request(List.of(), Optional.empty(), Optional.empty())));

        assertThat(e.getMessage()).isEqualTo("gpt-4o answered without a diff (LLM call 1); regenerate the patch, or"
                + " try another model in agents.implementer.");
        assertThat(api.log.last().error()).isNull(); // the call itself worked and is recorded as such
    }

    @Test
    void aRefusalEmptyAnswerAndBadKeyAreSentencesAndRecorded() {
        api.json(200, ApiBodies.message("claude-sonnet-4-5", "[]", "refusal", 1500, 2));
        api.json(200, ApiBodies.message("claude-sonnet-4-5", "[{\"type\": \"text\", \"text\": \"  \"}]", "end_turn",
                1500, 1));
        api.json(401, ApiBodies.anthropicError("authentication_error", "invalid x-api-key"));
        LlmImplementer implementer = implementer(api.anthropic("claude-sonnet-4-5"));
        ImplementationRequest request = request(List.of(), Optional.empty(), Optional.empty());

        AgentException refusal = catchThrowableOfType(AgentException.class, () -> implementer.implement(request));
        AgentException empty = catchThrowableOfType(AgentException.class, () -> implementer.implement(request));
        AgentException badKey = catchThrowableOfType(AgentException.class, () -> implementer.implement(request));

        assertThat(refusal.getMessage()).isEqualTo("claude-sonnet-4-5 refused to answer; rephrase the request or try"
                + " another model, or set agents.implementer: catalog.");
        assertThat(empty.getMessage()).isEqualTo("claude-sonnet-4-5 gave an empty answer; try again or try another"
                + " model, or set agents.implementer: catalog.");
        assertThat(badKey.getMessage()).endsWith("refused the key in ANTHROPIC_API_KEY (401: invalid x-api-key); check"
                + " the key, or set agents.implementer: catalog.");
        List<LlmCall> calls = api.log.calls();
        assertThat(calls).extracting(LlmCall::error).containsExactly(refusal.getMessage(), empty.getMessage(),
                badKey.getMessage());
        assertThat(calls.get(0).tokensIn()).isEqualTo(1500);
        assertThat(calls.get(0).costUsd()).isGreaterThan(0);
        assertThat(calls).allSatisfy(call -> assertThat(call.prompt()).doesNotContain(MockApi.ANTHROPIC_KEY));
    }

    @Test
    void diffDetectionNeedsHunksOrBothFileHeaders() {
        assertThat(LlmImplementer.looksLikeDiff("@@ -1 +1 @@\n-a\n+b")).isTrue();
        assertThat(LlmImplementer.looksLikeDiff("diff --git a/x b/x\n")).isTrue();
        assertThat(LlmImplementer.looksLikeDiff("--- a/x\n+++ b/x\n")).isTrue();
        assertThat(LlmImplementer.looksLikeDiff("--- a/x only\nsome prose")).isFalse();
        assertThat(LlmImplementer.looksLikeDiff("Use a lower LR.\n- item\n+ plus")).isFalse();
    }

    @Test
    void fencesGrowPastBackticksInTheFile() {
        assertThat(LlmImplementer.fenced("a ``` b", "text")).isEqualTo("````text\na ``` b\n````");
        assertThat(LlmImplementer.files(Map.of("run.sh", "echo hi\n"))).isEqualTo("## run.sh\n\n```bash\n  1 | echo"
                + " hi\n```\n\n");
    }
}
