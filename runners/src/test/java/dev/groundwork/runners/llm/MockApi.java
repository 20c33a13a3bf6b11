package dev.groundwork.runners.llm;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;

/** A mock server plus the clients, settings and sleeper a test points at it. */
final class MockApi implements AutoCloseable {

    static final String OPENAI_KEY = "sk-proj-test0123456789abcdefABCDEF";
    static final String ANTHROPIC_KEY = "sk-ant-api03-test0123456789abcdef";

    final MockWebServer server = new MockWebServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final FakeCallLog log = new FakeCallLog();
    final LlmClients clients;

    MockApi() throws IOException {
        server.start();
        RetryPolicy retry = RetryPolicy.DEFAULT.withSleeper(sleeper);
        clients = new LlmClients(new OkHttpClient(), retry);
    }

    /** OpenAI-compatible settings at the mock server's {@code /v1}, with a key from OPENAI_API_KEY. */
    LlmSettings openAi(String model) {
        return new LlmSettings(LlmProvider.OPENAI, model, URI.create(server.url("/v1").toString()),
                ApiKey.fromEnv("OPENAI_API_KEY", OPENAI_KEY), 0.7, 4096, Duration.ofSeconds(5), 0);
    }

    /** Anthropic settings at the mock server, with a key from ANTHROPIC_API_KEY. */
    LlmSettings anthropic(String model) {
        return new LlmSettings(LlmProvider.ANTHROPIC, model, URI.create(server.url("/").toString()),
                ApiKey.fromEnv("ANTHROPIC_API_KEY", ANTHROPIC_KEY), 1.0, 4096, Duration.ofSeconds(5), 0);
    }

    LlmClient client(LlmSettings settings) {
        return clients.create(settings);
    }

    void json(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    void json(int code, String body, String header, String value) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader(header, value).body(body).build());
    }

    /** A request that gets no answer at all: the client's timeout must end it. */
    void stall() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the mock server");
        }
        return request;
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    @Override
    public void close() {
        server.close();
    }
}
