package dev.groundwork.runners.llm;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.AgentUnavailableException;
import java.time.Duration;
import java.util.Locale;

/**
 * A model call that gave no usable answer. {@link #sentence(String)} says what happened and what to do in one sentence;
 * the fields keep what the ledger records (tokens a refusal still cost, the answer that was empty or refused).
 */
public final class LlmException extends Exception {

    /** What went wrong, as far as the user can act on it. */
    public enum Kind {
        /** 401/403: the key is wrong, missing or lacks permission. */
        AUTH,
        /** The server has no such model. */
        UNKNOWN_MODEL,
        /** 404 that is not about a model: the base URL is wrong. */
        WRONG_URL,
        /** The prompt does not fit the model's context window. */
        CONTEXT_TOO_LONG,
        /** The account has no credit or quota left. */
        QUOTA,
        /** The model declined to answer. */
        REFUSAL,
        /** The model answered with nothing. */
        EMPTY,
        /** 429 after every try, or a Retry-After longer than we wait. */
        RATE_LIMITED,
        /** 5xx / overloaded after every try. */
        SERVER,
        /** No answer within the timeout, every try. */
        TIMEOUT,
        /** The server could not be reached. */
        UNREACHABLE,
        /** Any other 4xx: the request was refused as it was. */
        BAD_REQUEST,
        /** 2xx whose body is not what the protocol promises. */
        BAD_RESPONSE,
        /** The thread was interrupted (the loop is stopping). */
        CANCELLED
    }

    private final Kind kind;
    private final LlmSettings settings;
    private final int status;
    private final String detail;
    private final int tries;
    private final Duration retryAfter;
    private final long tokensIn;
    private final long tokensOut;
    private final String response;
    private final String stopReason;
    private long latencyMs;

    LlmException(Kind kind, LlmSettings settings, int status, String detail, int tries, Duration retryAfter,
                 long tokensIn, long tokensOut, String response, String stopReason, Throwable cause) {
        super(null, cause);
        this.kind = kind;
        this.settings = settings;
        this.status = status;
        this.detail = detail == null ? "" : detail;
        this.tries = tries;
        this.retryAfter = retryAfter;
        this.tokensIn = tokensIn;
        this.tokensOut = tokensOut;
        this.response = response == null ? "" : response;
        this.stopReason = stopReason == null ? "" : stopReason;
    }

    static LlmException http(Kind kind, LlmSettings settings, int status, String detail, int tries, Duration retryAfter) {
        return new LlmException(kind, settings, status, detail, tries, retryAfter, 0, 0, "", "", null);
    }

    static LlmException io(Kind kind, LlmSettings settings, String detail, int tries, Throwable cause) {
        return new LlmException(kind, settings, 0, detail, tries, null, 0, 0, "", "", cause);
    }

    static LlmException answer(Kind kind, LlmSettings settings, String detail, int tries, long tokensIn, long tokensOut,
                               String response, String stopReason) {
        return new LlmException(kind, settings, 200, detail, tries, null, tokensIn, tokensOut, response, stopReason,
                null);
    }

    LlmException withLatency(long millis) {
        this.latencyMs = millis;
        return this;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none (timeout, unreachable). */
    public int status() {
        return status;
    }

    /** What the server said, keys scrubbed, at most a few hundred characters. */
    public String detail() {
        return detail;
    }

    public int tries() {
        return tries;
    }

    public long tokensIn() {
        return tokensIn;
    }

    public long tokensOut() {
        return tokensOut;
    }

    /** The answer's text for a refusal or an empty answer, else empty. */
    public String response() {
        return response;
    }

    public long latencyMs() {
        return latencyMs;
    }

    @Override
    public String getMessage() {
        return sentence(null);
    }

    /**
     * One sentence a researcher can act on.
     *
     * @param roleKey the spec key that chose this model ({@code agents.ideator}), to offer the offline catalog; or null
     */
    /**
     * As the loop sees it: a failure of the provider (key, quota, network, overload) stops the loop and leaves the idea
     * as it was; a failure of this one answer (a refusal, an empty or malformed answer, a prompt too long) ends the idea.
     */
    public AgentException asAgentException(String roleKey) {
        return switch (kind) {
            case REFUSAL, EMPTY, CONTEXT_TOO_LONG, BAD_REQUEST, BAD_RESPONSE -> new AgentException(sentence(roleKey), this);
            default -> new AgentUnavailableException(sentence(roleKey), this);
        };
    }

    public String sentence(String roleKey) {
        String server = settings.serverName();
        String model = settings.model();
        String orCatalog = roleKey == null ? "" : ", or set " + roleKey + ": catalog";
        String said = detail.isEmpty() ? "" : ": " + detail;
        String code = status > 0 ? " (" + status + said + ")" : detail.isEmpty() ? "" : " (" + detail + ")";
        return switch (kind) {
            case AUTH -> settings.apiKey().isPresent()
                    ? server + " refused the key in " + settings.apiKey().source() + code + "; check the key" + orCatalog
                            + "."
                    : server + " wants an API key" + code + "; export " + settings.provider().defaultKeyEnv()
                            + " (or set api_key_env for " + settings.provider().wireName() + " in your settings)"
                            + orCatalog + ".";
            case UNKNOWN_MODEL -> server + " has no model \"" + model + "\"" + code + "; check the model name"
                    + (roleKey == null ? "" : " in " + roleKey)
                    + (settings.isLocal() ? " (a local server may need it pulled or loaded first)" : "") + ".";
            case WRONG_URL -> settings.baseUrl() + " answered 404" + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + "; check the base URL (" + (settings.provider() == LlmProvider.OPENAI
                    ? "OpenAI-compatible servers usually end in /v1, e.g. http://localhost:11434/v1"
                    : "Anthropic's is https://api.anthropic.com") + ").";
            case CONTEXT_TOO_LONG -> "the prompt is longer than " + model + "'s context window" + code
                    + "; use a model with a longer context, " + (roleKey != null && roleKey.endsWith("ideator")
                    ? "or lower search.top_k" : "or make fewer or smaller files editable") + ".";
            case QUOTA -> server + " says the account has no credit or quota left" + code + "; add credit" + orCatalog
                    + ".";
            case REFUSAL -> model + " refused to answer" + (detail.isEmpty() ? "" : " (\"" + detail + "\")")
                    + "; rephrase the request or try another model" + orCatalog + ".";
            case EMPTY -> model + " gave an empty answer" + (stopReason.equals("length") || stopReason.equals("max_tokens")
                    ? " (it stopped at its limit of " + settings.maxTokens() + " tokens, perhaps while thinking); raise"
                            + " max_tokens for " + settings.provider().wireName() + " in your settings"
                    : "; try again or try another model") + orCatalog + ".";
            case RATE_LIMITED -> retryAfter != null
                    ? server + " asks to wait " + humanSeconds(retryAfter) + " before the next request (429" + said
                            + "); try again later or raise your rate limit" + orCatalog + "."
                    : server + " kept rate-limiting after " + triesText() + " (429" + said + "); wait a minute, lower"
                            + " search.concurrency, or raise your rate limit.";
            case SERVER -> server + " kept failing after " + triesText() + code + "; try again later" + orCatalog + ".";
            case TIMEOUT -> server + " did not answer within " + humanSeconds(settings.timeout()) + " in "
                    + triesText() + "; raise timeout_seconds for " + settings.provider().wireName()
                    + " in your settings, or check the server at " + settings.baseUrl() + ".";
            case UNREACHABLE -> "could not reach " + settings.baseUrl() + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + "; check that the server is running and the base URL is right" + orCatalog + ".";
            case BAD_REQUEST -> server + " rejected the request for " + model + code + "; check the settings for "
                    + settings.provider().wireName() + " (max_tokens, temperature, thinking_budget)" + orCatalog + ".";
            case BAD_RESPONSE -> settings.baseUrl() + " answered with something that is not a "
                    + (settings.provider() == LlmProvider.OPENAI ? "chat completion" : "message")
                    + (detail.isEmpty() ? "" : " (" + detail + ")") + "; check the base URL and the provider"
                    + orCatalog + ".";
            case CANCELLED -> "the call to " + settings.displayName() + " was cancelled.";
        };
    }

    private String triesText() {
        return tries + (tries == 1 ? " try" : " tries");
    }

    static String humanSeconds(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return duration.toMillis() + " ms";
        }
        if (seconds < 120) {
            return seconds + " s";
        }
        return String.format(Locale.ROOT, "%d min", Math.round(seconds / 60.0));
    }
}
