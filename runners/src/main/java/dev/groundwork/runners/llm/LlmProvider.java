package dev.groundwork.runners.llm;

import dev.groundwork.model.spec.AgentRef;
import java.net.URI;
import java.util.Locale;

/** The two wire protocols Groundwork speaks: OpenAI's chat completions (any compatible server) and Anthropic's messages. */
public enum LlmProvider {

    OPENAI("OpenAI", URI.create("https://api.openai.com/v1"), "OPENAI_API_KEY", "OPENAI_BASE_URL"),
    ANTHROPIC("Anthropic", URI.create("https://api.anthropic.com"), "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL");

    private final String vendor;
    private final URI defaultBaseUrl;
    private final String defaultKeyEnv;
    private final String baseUrlEnv;

    LlmProvider(String vendor, URI defaultBaseUrl, String defaultKeyEnv, String baseUrlEnv) {
        this.vendor = vendor;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultKeyEnv = defaultKeyEnv;
        this.baseUrlEnv = baseUrlEnv;
    }

    /** {@code openai} or {@code anthropic}: the spec's prefix, the settings file's key, the ledger's provider column. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "OpenAI" or "Anthropic". */
    public String vendor() {
        return vendor;
    }

    public URI defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variable that holds the key unless the settings file names another. */
    public String defaultKeyEnv() {
        return defaultKeyEnv;
    }

    /** The environment variable that may move the base URL ({@code OPENAI_BASE_URL}, {@code ANTHROPIC_BASE_URL}). */
    public String baseUrlEnv() {
        return baseUrlEnv;
    }

    public static LlmProvider of(AgentRef.Kind kind) {
        return switch (kind) {
            case OPENAI -> OPENAI;
            case ANTHROPIC -> ANTHROPIC;
            case CATALOG -> throw new IllegalArgumentException("the offline catalog is not an LLM provider");
        };
    }

    public static LlmProvider fromWire(String wire) {
        for (LlmProvider provider : values()) {
            if (provider.wireName().equals(wire)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown LLM provider \"" + wire + "\"; use openai or anthropic.");
    }
}
