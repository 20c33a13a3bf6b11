package dev.groundwork.runners.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmCheckTest {

    private MockApi api;

    @BeforeEach
    void start() throws IOException {
        api = new MockApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aWorkingModelAnswersWithLatencyAndTokens() throws Exception {
        api.json(200, ApiBodies.message("claude-haiku-4-5-20251001", "ready", 21, 4));

        LlmCheck.Result result = new LlmCheck(api.clients).run(api.anthropic("claude-haiku-4-5").withThinkingBudget(2048));

        assertThat(result.ok()).isTrue();
        assertThat(result.sentence()).matches("anthropic:claude-haiku-4-5 at http://localhost:\\d+ answered \"ready\""
                + " in \\d+ ms \\(21 tokens in, 4 out\\), with the key from ANTHROPIC_API_KEY\\.");
        JsonNode body = new ObjectMapper().readTree(MockApi.body(api.take()));
        assertThat(body.get("max_tokens").asInt()).isEqualTo(LlmCheck.MAX_TOKENS);
        assertThat(body.has("thinking")).isFalse();
    }

    @Test
    void aFailureIsTheErrorSentence() {
        api.json(401, ApiBodies.OPENAI_BAD_KEY);

        LlmCheck.Result result = new LlmCheck(api.clients).run(api.openAi("gpt-4o"));

        assertThat(result.ok()).isFalse();
        assertThat(result.sentence()).startsWith("The OpenAI-compatible server at localhost:")
                .contains("refused the key in OPENAI_API_KEY (401: Incorrect API key provided: [key].")
                .endsWith("; check the key.");
    }
}
