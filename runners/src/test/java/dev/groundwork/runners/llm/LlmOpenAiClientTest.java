package dev.groundwork.runners.llm;

import static dev.groundwork.runners.llm.ApiBodies.chatCompletion;
import static dev.groundwork.runners.llm.ApiBodies.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmOpenAiClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LlmPrompt PROMPT = new LlmPrompt("You are terse.", "Say hi.");

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
    void postsAChatCompletionAndReadsTheAnswerAndItsTokens() throws Exception {
        api.json(200, chatCompletion("gpt-4o-2024-08-06", "Hi.", 19, 2));

        LlmReply reply = api.client(api.openAi("gpt-4o")).complete(PROMPT);

        assertThat(reply.text()).isEqualTo("Hi.");
        assertThat(reply.tokensIn()).isEqualTo(19);
        assertThat(reply.tokensOut()).isEqualTo(2);
        assertThat(reply.stopReason()).isEqualTo("stop");
        assertThat(reply.tries()).isEqualTo(1);
        RecordedRequest request = api.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockApi.OPENAI_KEY);
        JsonNode body = JSON.readTree(MockApi.body(request));
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("You are terse.");
        assertThat(body.get("messages").get(1).get("role").asText()).isEqualTo("user");
        assertThat(body.get("messages").get(1).get("content").asText()).isEqualTo("Say hi.");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(4096); // not api.openai.com: the field every server reads
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("stream").asBoolean()).isFalse();
    }

    @Test
    void aLocalServerWithoutKeyGetsNoAuthorizationHeader() throws Exception {
        api.json(200, ApiBodies.ollamaCompletion("llama3.1:8b", "Hello there."));
        LlmSettings settings = new LlmSettings(LlmProvider.OPENAI, "llama3.1:8b",
                URI.create(api.server.url("/v1").toString()), ApiKey.none(), null, 512, Duration.ofSeconds(5), 0);

        LlmReply reply = api.client(settings).complete(PROMPT);

        assertThat(reply.text()).isEqualTo("Hello there.");
        assertThat(reply.tokensIn()).isEqualTo(26);
        RecordedRequest request = api.take();
        assertThat(request.getHeaders().get("Authorization")).isNull();
        JsonNode body = JSON.readTree(MockApi.body(request));
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.get("model").asText()).isEqualTo("llama3.1:8b");
    }

    @Test
    void aBaseUrlWithoutPathGetsV1() throws Exception {
        api.json(200, chatCompletion("m", "ok", 1, 1));
        LlmSettings settings = api.openAi("m").withBaseUrl(URI.create(api.server.url("/").toString()));

        api.client(settings).complete(PROMPT);

        assertThat(api.take().getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void rateLimitIsRetriedAfterTheWaitTheServerAsksFor() throws Exception {
        api.json(429, ApiBodies.OPENAI_RATE_LIMIT, "Retry-After", "2");
        api.json(429, ApiBodies.OPENAI_RATE_LIMIT, "retry-after-ms", "1500");
        api.json(200, chatCompletion("gpt-4o", "Hi.", 19, 2));

        LlmReply reply = api.client(api.openAi("gpt-4o")).complete(PROMPT);

        assertThat(reply.text()).isEqualTo("Hi.");
        assertThat(reply.tries()).isEqualTo(3);
        assertThat(api.sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1500));
        assertThat(api.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        String when = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        api.json(503, ApiBodies.OPENAI_SERVER_ERROR, "Retry-After", when);
        api.json(200, chatCompletion("gpt-4o", "Hi.", 19, 2));

        api.client(api.openAi("gpt-4o")).complete(PROMPT);

        assertThat(api.sleeper.waits()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31)));
    }

    @Test
    void aRetryAfterLongerThanWeWaitEndsTheTriesWithASentence() {
        api.json(429, ApiBodies.OPENAI_RATE_LIMIT, "Retry-After", "600");

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.openAi("gpt-4o")).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED);
        assertThat(api.sleeper.waits()).isEmpty();
        assertThat(e.sentence("agents.ideator")).startsWith("the OpenAI-compatible server at ")
                .contains("asks to wait 10 min before the next request (429: Rate limit reached for gpt-4o")
                .endsWith("; try again later or raise your rate limit, or set agents.ideator: catalog.");
    }

    @Test
    void serverErrorsAreRetriedWithGrowingBackOff() throws Exception {
        api.json(500, ApiBodies.OPENAI_SERVER_ERROR);
        api.json(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        api.json(200, chatCompletion("gpt-4o", "Hi.", 19, 2));

        LlmReply reply = api.client(api.openAi("gpt-4o")).complete(PROMPT);

        assertThat(reply.tries()).isEqualTo(3);
        assertThat(api.sleeper.waits()).hasSize(2);
        assertThat(api.sleeper.waits().get(0)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1250));
        assertThat(api.sleeper.waits().get(1)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500));
    }

    @Test
    void serverErrorsStopAfterFourTries() {
        for (int i = 0; i < 4; i++) {
            api.json(500, ApiBodies.OPENAI_SERVER_ERROR);
        }

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.openAi("gpt-4o")).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.SERVER);
        assertThat(e.tries()).isEqualTo(4);
        assertThat(api.server.getRequestCount()).isEqualTo(4);
        assertThat(api.sleeper.waits()).hasSize(3);
        assertThat(e.getMessage()).endsWith("kept failing after 4 tries (500: The server had an error while processing"
                + " your request. Sorry about that!); try again later.");
    }

    @Test
    void aTimedOutRequestIsRetried() throws Exception {
        api.stall();
        api.json(200, chatCompletion("gpt-4o", "Hi.", 19, 2));
        LlmSettings settings = api.openAi("gpt-4o").withTimeout(Duration.ofMillis(100));

        long start = System.nanoTime();
        LlmReply reply = api.client(settings).complete(PROMPT);

        assertThat(reply.text()).isEqualTo("Hi.");
        assertThat(reply.tries()).isEqualTo(2);
        assertThat(api.sleeper.waits()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void timeoutsEveryTryBecomeASentenceAboutTheTimeout() {
        for (int i = 0; i < 2; i++) {
            api.stall();
        }
        LlmSettings settings = api.openAi("gpt-4o").withTimeout(Duration.ofMillis(100));
        LlmClient client = new LlmClients(new okhttp3.OkHttpClient(),
                RetryPolicy.DEFAULT.withSleeper(api.sleeper).withMaxTries(2)).create(settings);

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains(" did not answer within 100 ms in 2 tries; raise timeout_seconds for"
                + " openai in your settings, or check the server at http://");
    }

    @Test
    void aBadKeyIsNotRetriedAndNeverEchoed() {
        api.json(401, ApiBodies.OPENAI_BAD_KEY);
        LlmSettings settings = api.openAi("gpt-4o");

        LlmException e = catchThrowableOfType(LlmException.class, () -> api.client(settings).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(api.server.getRequestCount()).isEqualTo(1);
        assertThat(e.sentence("agents.ideator")).startsWith("the OpenAI-compatible server at ")
                .contains(" refused the key in OPENAI_API_KEY (401: Incorrect API key provided: [key].")
                .endsWith("; check the key, or set agents.ideator: catalog.")
                .doesNotContain("ABCDEF").doesNotContain(MockApi.OPENAI_KEY);
    }

    @Test
    void theRealOpenAiIsNamedAndGetsMaxCompletionTokens() throws Exception {
        // api.openai.com itself cannot be mocked, so check what the request would be and how errors read
        LlmSettings settings = LlmSettings.defaults(LlmProvider.OPENAI, "o3-mini",
                ApiKey.fromEnv("OPENAI_API_KEY", "sk-x")).withTemperature(0.5);
        OpenAiChatClient client = (OpenAiChatClient) new LlmClients().create(settings);
        okhttp3.Request request = client.request(PROMPT);
        okio.Buffer buffer = new okio.Buffer();
        request.body().writeTo(buffer);
        JsonNode body = JSON.readTree(buffer.readUtf8());

        assertThat(request.url().toString()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(LlmSettings.DEFAULT_MAX_TOKENS);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("temperature")).isFalse(); // reasoning models take only their own
        LlmException e = LlmException.http(LlmException.Kind.AUTH, settings, 401, "Incorrect API key provided", 1, null);
        assertThat(e.sentence("agents.ideator")).isEqualTo("OpenAI refused the key in OPENAI_API_KEY (401: Incorrect"
                + " API key provided); check the key, or set agents.ideator: catalog.");
    }

    @Test
    void anUnknownModelSaysSo() {
        api.json(404, ApiBodies.OPENAI_NO_MODEL);

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.openAi("gpt-9")).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNKNOWN_MODEL);
        assertThat(e.sentence("agents.implementer")).contains(" has no model \"gpt-9\" (404: The model `gpt-9` does"
                + " not exist or you do not have access to it.); check the model name in agents.implementer");
    }

    @Test
    void ollamasUnknownModelAndAWrongBaseUrlAreToldApart() {
        api.json(404, ApiBodies.openAiError("model \"llama9\" not found, try pulling it first", "api_error", null,
                null));
        api.server.enqueue(new mockwebserver3.MockResponse.Builder().code(404).body("404 page not found").build());
        LlmClient client = api.client(api.openAi("llama9"));

        LlmException model = catchThrowableOfType(LlmException.class, () -> client.complete(PROMPT));
        LlmException url = catchThrowableOfType(LlmException.class, () -> client.complete(PROMPT));

        assertThat(model.kind()).isEqualTo(LlmException.Kind.UNKNOWN_MODEL);
        assertThat(model.getMessage()).contains("(a local server may need it pulled or loaded first)");
        assertThat(url.kind()).isEqualTo(LlmException.Kind.WRONG_URL);
        assertThat(url.getMessage()).contains("answered 404 (404 page not found); check the base URL");
    }

    @Test
    void aContextThatIsTooLongSaysWhatToShrink() {
        api.json(400, ApiBodies.OPENAI_TOO_LONG);

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.openAi("gpt-4o")).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.CONTEXT_TOO_LONG);
        assertThat(e.sentence("agents.implementer")).startsWith("the prompt is longer than gpt-4o's context window"
                + " (400: This model's maximum context length is 128000 tokens.")
                .endsWith("; use a model with a longer context, or make fewer or smaller files editable.");
        assertThat(e.sentence("agents.ideator")).endsWith("or lower search.top_k.");
    }

    @Test
    void anExhaustedQuotaIsNotRetried() {
        api.json(429, ApiBodies.OPENAI_QUOTA);

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.openAi("gpt-4o")).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.QUOTA);
        assertThat(api.server.getRequestCount()).isEqualTo(1);
        assertThat(e.sentence("agents.ideator")).contains("says the account has no credit or quota left (429: You"
                + " exceeded your current quota").endsWith("; add credit, or set agents.ideator: catalog.");
    }

    @Test
    void aRefusalKeepsItsTokensAndText() {
        api.json(200, chatCompletion("gpt-4o", "null", quoted("I'm sorry, but I can't help with that."), "stop", 812,
                11));

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.openAi("gpt-4o")).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSAL);
        assertThat(e.tokensIn()).isEqualTo(812);
        assertThat(e.tokensOut()).isEqualTo(11);
        assertThat(e.response()).isEqualTo("I'm sorry, but I can't help with that.");
        assertThat(e.sentence("agents.ideator")).isEqualTo("gpt-4o refused to answer (\"I'm sorry, but I can't help"
                + " with that.\"); rephrase the request or try another model, or set agents.ideator: catalog.");
    }

    @Test
    void anEmptyAnswerIsAnError() {
        api.json(200, chatCompletion("gpt-4o", "", 500, 0));

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.openAi("gpt-4o")).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.EMPTY);
        assertThat(e.getMessage()).isEqualTo("gpt-4o gave an empty answer; try again or try another model.");
    }

    @Test
    void anAnswerCutOffWhileThinkingSaysToRaiseMaxTokens() {
        api.json(200, chatCompletion("qwen3:8b", quoted("<think>Let me consider the learning rate schedule first"),
                "null", "length", 900, 4096));

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.openAi("qwen3:8b")).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.EMPTY);
        assertThat(e.getMessage()).isEqualTo("qwen3:8b gave an empty answer (it stopped at its limit of 4096 tokens,"
                + " perhaps while thinking); raise max_tokens for openai in your settings.");
    }

    @Test
    void thinkingSectionsAreLeftOutOfTheAnswer() throws Exception {
        api.json(200, chatCompletion("deepseek-r1", "<think>\nhmm, a diff\n--- a/x\n</think>\n\nThe answer.", 5, 9));

        LlmReply reply = api.client(api.openAi("deepseek-r1")).complete(PROMPT);

        assertThat(reply.text()).isEqualTo("The answer.");
        assertThat(reply.raw()).startsWith("<think>");
    }

    @Test
    void aServerThatIsNotThereIsNotRetried() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LlmSettings settings = api.openAi("m").withBaseUrl(URI.create("http://127.0.0.1:" + port + "/v1"));

        LlmException e = catchThrowableOfType(LlmException.class, () -> api.client(settings).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE);
        assertThat(api.sleeper.waits()).isEmpty();
        assertThat(e.sentence("agents.ideator")).startsWith("could not reach http://127.0.0.1:" + port + "/v1 (")
                .endsWith("; check that the server is running and the base URL is right, or set agents.ideator:"
                        + " catalog.");
    }

    @Test
    void aBodyThatIsNotAChatCompletionSaysSo() {
        api.json(200, "{\"object\": \"list\", \"data\": []}");

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> api.client(api.openAi("m")).complete(PROMPT));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("answered with something that is not a chat completion (no choices in");
    }
}
