package dev.groundwork.runners.llm;

import static dev.groundwork.runners.llm.ApiBodies.anthropicError;
import static dev.groundwork.runners.llm.ApiBodies.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmAnthropicClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LlmPrompt PROMPT = new LlmPrompt("You are terse.", "Say hi.");
    private static final String MODEL = "claude-sonnet-4-5";

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
    void postsAMessageWithTheApiHeadersAndReadsTheAnswer() throws Exception {
        api.json(200, message("claude-sonnet-4-5-20250929", "Hi.", 2095, 503));

        LlmReply reply = api.client(api.anthropic(MODEL)).complete(PROMPT);

        assertThat(reply.text()).isEqualTo("Hi.");
        assertThat(reply.tokensIn()).isEqualTo(2095);
        assertThat(reply.tokensOut()).isEqualTo(503);
        assertThat(reply.stopReason()).isEqualTo("end_turn");
        RecordedRequest request = api.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(MockApi.ANTHROPIC_KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        JsonNode body = JSON.readTree(MockApi.body(request));
        assertThat(body.get("model").asText()).isEqualTo(MODEL);
        assertThat(body.get("system").asText()).isEqualTo("You are terse.");
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("Say hi.");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(4096);
        assertThat(body.get("temperature").asDouble()).isEqualTo(1.0);
        assertThat(body.has("thinking")).isFalse();
    }

    @Test
    void aThinkingBudgetAsksForThinkingOnTopOfTheAnswerAndLeavesTheThinkingOut() throws Exception {
        api.json(200, message("claude-sonnet-4-5-20250929",
                ApiBodies.thinkingThenText("The user wants a greeting. --- a/train.py", "Hi."), "end_turn", 40, 1800));

        LlmReply reply = api.client(api.anthropic(MODEL).withThinkingBudget(4000)).complete(PROMPT);

        assertThat(reply.text()).isEqualTo("Hi.");
        assertThat(reply.raw()).isEqualTo("Hi.");
        JsonNode body = JSON.readTree(MockApi.body(api.take()));
        assertThat(body.get("max_tokens").asInt()).isEqualTo(4096 + 4000);
        assertThat(body.get("thinking").get("type").asText()).isEqualTo("enabled");
        assertThat(body.get("thinking").get("budget_tokens").asInt()).isEqualTo(4000);
        assertThat(body.has("temperature")).isFalse(); // thinking allows only the default
    }

    @Test
    void overloadAndRateLimitsAreRetriedHonouringRetryAfter() throws Exception {
        api.json(529, anthropicError("overloaded_error", "Overloaded"));
        api.json(429, anthropicError("rate_limit_error", "This request would exceed the rate limit for your"
                + " organization of 50,000 input tokens per minute."), "retry-after", "17");
        api.json(200, message(MODEL, "Hi.", 10, 2));

        LlmReply reply = api.client(api.anthropic(MODEL)).complete(PROMPT);

        assertThat(reply.tries()).isEqualTo(3);
        assertThat(api.sleeper.waits()).hasSize(2);
        assertThat(api.sleeper.waits().get(0)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1250));
        assertThat(api.sleeper.waits().get(1)).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void aBadKeyIsOneSentence() {
        api.json(401, anthropicError("authentication_error", "invalid x-api-key"));

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.anthropic(MODEL)).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(api.server.getRequestCount()).isEqualTo(1);
        assertThat(e.sentence("agents.implementer")).endsWith(" refused the key in ANTHROPIC_API_KEY (401: invalid"
                + " x-api-key); check the key, or set agents.implementer: catalog.");
    }

    @Test
    void anUnknownModelAndATooLongPromptSaySo() {
        api.json(404, anthropicError("not_found_error", "model: claude-nonexistent"));
        api.json(400, anthropicError("invalid_request_error", "prompt is too long: 208451 tokens > 200000 maximum"));
        LlmClient client = api.client(api.anthropic("claude-nonexistent"));

        LlmException model = catchThrowableOfType(LlmException.class, () -> client.complete(PROMPT));
        LlmException tooLong = catchThrowableOfType(LlmException.class, () -> client.complete(PROMPT));

        assertThat(model.kind()).isEqualTo(LlmException.Kind.UNKNOWN_MODEL);
        assertThat(model.getMessage()).contains("has no model \"claude-nonexistent\" (404: model: claude-nonexistent)");
        assertThat(tooLong.kind()).isEqualTo(LlmException.Kind.CONTEXT_TOO_LONG);
        assertThat(tooLong.getMessage()).contains("(400: prompt is too long: 208451 tokens > 200000 maximum)");
    }

    @Test
    void aLowCreditBalanceIsAQuotaProblem() {
        api.json(400, anthropicError("invalid_request_error", "Your credit balance is too low to access the Anthropic"
                + " API. Please go to Plans & Billing to upgrade or purchase credits."));

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.anthropic(MODEL)).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.QUOTA);
    }

    @Test
    void aRefusalIsAnErrorThatKeepsItsTokens() {
        api.json(200, message(MODEL, "[]", "refusal", 1200, 3));

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.anthropic(MODEL)).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSAL);
        assertThat(e.tokensIn()).isEqualTo(1200);
        assertThat(e.tokensOut()).isEqualTo(3);
        assertThat(e.sentence("agents.ideator")).isEqualTo(MODEL + " refused to answer; rephrase the request or try"
                + " another model, or set agents.ideator: catalog.");
    }

    @Test
    void emptyContentAndThinkingThatRanOutAreEmptyAnswers() {
        api.json(200, message(MODEL, "[]", "end_turn", 50, 0));
        api.json(200, message(MODEL, "[{\"type\": \"thinking\", \"thinking\": \"Step 1: consider\", \"signature\":"
                + " \"abc\"}]", "max_tokens", 50, 8096));
        LlmClient client = api.client(api.anthropic(MODEL).withThinkingBudget(4000));

        LlmException empty = catchThrowableOfType(LlmException.class, () -> client.complete(PROMPT));
        LlmException cut = catchThrowableOfType(LlmException.class, () -> client.complete(PROMPT));

        assertThat(empty.kind()).isEqualTo(LlmException.Kind.EMPTY);
        assertThat(empty.getMessage()).isEqualTo(MODEL + " gave an empty answer; try again or try another model.");
        assertThat(cut.kind()).isEqualTo(LlmException.Kind.EMPTY);
        assertThat(cut.tokensOut()).isEqualTo(8096);
        assertThat(cut.getMessage()).contains("(it stopped at its limit of 4096 tokens, perhaps while thinking)");
    }

    @Test
    void aBaseUrlEndingInV1IsNotDoubled() throws Exception {
        api.json(200, message(MODEL, "Hi.", 1, 1));
        LlmSettings settings = api.anthropic(MODEL).withBaseUrl(java.net.URI.create(api.server.url("/v1").toString()));

        api.client(settings).complete(PROMPT);

        assertThat(api.take().getUrl().encodedPath()).isEqualTo("/v1/messages");
    }
}
