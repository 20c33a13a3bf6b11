package dev.groundwork.runners.llm;

import dev.groundwork.model.spec.AgentRef;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one model: provider, model, server, key and the knobs of each request.
 *
 * @param baseUrl        OpenAI-compatible: up to and including {@code /v1} ({@code https://api.openai.com/v1},
 *                       {@code http://localhost:11434/v1}); Anthropic: the host ({@code https://api.anthropic.com})
 * @param temperature    null leaves it to the server (and reasoning models, which refuse any other than their own)
 * @param maxTokens      the answer's length limit; Anthropic's thinking budget comes on top of it
 * @param timeout        for one request, start to last byte; a timed-out request is retried
 * @param thinkingBudget Anthropic's extended thinking in tokens, 0 for none (at least 1024 when on)
 */
public record LlmSettings(
        LlmProvider provider,
        String model,
        URI baseUrl,
        ApiKey apiKey,
        Double temperature,
        int maxTokens,
        Duration timeout,
        int thinkingBudget) {

    public static final int DEFAULT_MAX_TOKENS = 8192;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    static final int MIN_THINKING_BUDGET = 1024;

    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        if (model.isBlank()) {
            throw new IllegalArgumentException("the model name may not be empty");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be at least 1, not " + maxTokens);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
        if (thinkingBudget != 0 && thinkingBudget < MIN_THINKING_BUDGET) {
            throw new IllegalArgumentException("the thinking budget is 0 (off) or at least " + MIN_THINKING_BUDGET
                    + " tokens, not " + thinkingBudget);
        }
        if (thinkingBudget != 0 && provider != LlmProvider.ANTHROPIC) {
            throw new IllegalArgumentException("a thinking budget is an Anthropic setting; set it for anthropic only");
        }
        baseUrl = checkedBaseUrl(baseUrl.toString(), provider.wireName() + " base URL");
    }

    /** Defaults for {@code provider} and {@code model}, with the given key. */
    public static LlmSettings defaults(LlmProvider provider, String model, ApiKey key) {
        return new LlmSettings(provider, model, provider.defaultBaseUrl(), key, null, DEFAULT_MAX_TOKENS,
                DEFAULT_TIMEOUT, 0);
    }

    /**
     * The settings for an agent of the spec: the user's settings file first, then the environment ({@code
     * OPENAI_BASE_URL}/{@code ANTHROPIC_BASE_URL}, and the key from {@code OPENAI_API_KEY}/{@code ANTHROPIC_API_KEY}
     * or the variable the settings file names), then the defaults. A server on this machine or a private network
     * address may go without a key.
     *
     * @param roleKey the spec key that chose this agent, e.g. {@code agents.ideator}, for messages; null when a command
     *                names the model directly ({@code groundwork llm test})
     * @throws IllegalArgumentException a sentence that says what to set, e.g. "agents.ideator is openai:gpt-4o but
     *                                  OPENAI_API_KEY is not set; export it, or use agents.ideator: catalog."
     */
    public static LlmSettings resolve(AgentRef ref, String roleKey, Map<String, String> env, ProviderSettings file) {
        LlmProvider provider = LlmProvider.of(ref.kind());
        String model = ref.model().orElseThrow();
        String baseText = file.baseUrl().or(() -> Optional.ofNullable(env.get(provider.baseUrlEnv()))
                        .filter(value -> !value.isBlank()))
                .orElse(provider.defaultBaseUrl().toString());
        String baseSource = file.baseUrl().isPresent() ? "base_url of " + provider.wireName() + " in the settings file"
                : env.containsKey(provider.baseUrlEnv()) && !env.get(provider.baseUrlEnv()).isBlank()
                        ? provider.baseUrlEnv() : provider.wireName() + " base URL";
        URI baseUrl = checkedBaseUrl(baseText, baseSource);
        ApiKey key = key(ref, roleKey, env, file, provider, baseUrl);
        int thinking = file.thinkingBudget().orElse(0);
        if (thinking != 0 && provider != LlmProvider.ANTHROPIC) {
            throw new IllegalArgumentException("thinking_budget is set for " + provider.wireName() + " in the settings"
                    + " file, but only Anthropic models think with a budget; remove it.");
        }
        if (thinking != 0 && thinking < MIN_THINKING_BUDGET) {
            throw new IllegalArgumentException("thinking_budget for anthropic in the settings file is " + thinking
                    + "; use 0 (off) or at least " + MIN_THINKING_BUDGET + ".");
        }
        return new LlmSettings(provider, model, baseUrl, key, file.temperature().orElse(null),
                file.maxTokens().orElse(DEFAULT_MAX_TOKENS), file.timeout().orElse(DEFAULT_TIMEOUT), thinking);
    }

    private static ApiKey key(AgentRef ref, String roleKey, Map<String, String> env, ProviderSettings file,
                              LlmProvider provider, URI baseUrl) {
        String envName = file.apiKeyEnv().orElse(provider.defaultKeyEnv());
        String fromEnv = env.get(envName);
        if (file.apiKeyEnv().isPresent() && fromEnv != null && !fromEnv.isBlank()) {
            return ApiKey.fromEnv(envName, fromEnv);
        }
        if (file.apiKey().isPresent()) {
            return file.apiKey().get();
        }
        if (fromEnv != null && !fromEnv.isBlank()) {
            return ApiKey.fromEnv(envName, fromEnv);
        }
        if (isLocal(baseUrl)) {
            return ApiKey.none();
        }
        String named = file.apiKeyEnv().isPresent() ? envName + " (named by api_key_env in the settings file)" : envName;
        throw new IllegalArgumentException(roleKey == null
                ? ref + " needs an API key in " + named + ", which is not set; export it, or point the "
                        + provider.wireName() + " base URL at a local server."
                : roleKey + " is " + ref + " but " + named + " is not set; export it, or use " + roleKey
                        + ": catalog.");
    }

    /** Provider and model as the spec writes them: {@code openai:gpt-4o}. */
    public String displayName() {
        return provider.wireName() + ":" + model;
    }

    /** Who answers, for sentences: "OpenAI", "Anthropic", or "the OpenAI-compatible server at localhost:11434". */
    public String serverName() {
        if (baseUrl.getHost().equalsIgnoreCase(provider.defaultBaseUrl().getHost())) {
            return provider.vendor();
        }
        return "the " + provider.vendor() + "-compatible server at " + hostAndPort();
    }

    String hostAndPort() {
        return baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort());
    }

    /** Whether the server runs on this machine or a private network address (and may go without a key). */
    public boolean isLocal() {
        return isLocal(baseUrl);
    }

    public LlmSettings withMaxTokens(int tokens) {
        return new LlmSettings(provider, model, baseUrl, apiKey, temperature, tokens, timeout, thinkingBudget);
    }

    public LlmSettings withThinkingBudget(int budget) {
        return new LlmSettings(provider, model, baseUrl, apiKey, temperature, maxTokens, timeout, budget);
    }

    public LlmSettings withTimeout(Duration newTimeout) {
        return new LlmSettings(provider, model, baseUrl, apiKey, temperature, maxTokens, newTimeout, thinkingBudget);
    }

    public LlmSettings withTemperature(Double newTemperature) {
        return new LlmSettings(provider, model, baseUrl, apiKey, newTemperature, maxTokens, timeout, thinkingBudget);
    }

    public LlmSettings withBaseUrl(URI url) {
        return new LlmSettings(provider, model, url, apiKey, temperature, maxTokens, timeout, thinkingBudget);
    }

    static boolean isLocal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false; // a name: no DNS look-up to find out where it points
        }
        try {
            InetAddress address = InetAddress.ofLiteral(host);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static URI checkedBaseUrl(String text, String source) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + " \"" + text + "\" is not a URL; use one like"
                    + " http://localhost:11434/v1.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(source + " \"" + text + "\" is not an http(s) URL with a host; use one"
                    + " like http://localhost:11434/v1.");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null) {
            throw new IllegalArgumentException(source + " may not hold a user, password or query; give the key in an"
                    + " environment variable instead.");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + " \"" + text + "\" is not a URL.");
        }
    }
}
