package dev.groundwork.runners.llm;

import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Makes clients for settings. Clients made by one {@code LlmClients} share OkHttp's connection pool and threads; each
 * gets its own timeouts. OkHttp logs nothing here (no logging interceptor), so no header, key or body reaches a log.
 */
public final class LlmClients {

    private final OkHttpClient http;
    private final RetryPolicy retry;

    public LlmClients(OkHttpClient http, RetryPolicy retry) {
        this.http = Objects.requireNonNull(http, "http");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /** A fresh OkHttp client and the default retry policy (4 tries, real sleeps). */
    public LlmClients() {
        this(new OkHttpClient(), RetryPolicy.DEFAULT);
    }

    public LlmClient create(LlmSettings settings) {
        return switch (settings.provider()) {
            case OPENAI -> new OpenAiChatClient(settings, http, retry);
            case ANTHROPIC -> new AnthropicMessagesClient(settings, http, retry);
        };
    }

    public RetryPolicy retry() {
        return retry;
    }
}
