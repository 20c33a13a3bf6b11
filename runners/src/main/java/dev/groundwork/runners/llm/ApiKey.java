package dev.groundwork.runners.llm;

import java.util.Objects;

/**
 * An API key and where it came from. It never prints itself: {@link #toString()} names only its source, so a key cannot
 * reach a log line, an exception message or a record's {@code toString} by accident.
 */
public final class ApiKey {

    private static final ApiKey NONE = new ApiKey(null, "no key");

    private final String secret;
    private final String source;

    private ApiKey(String secret, String source) {
        this.secret = secret;
        this.source = source;
    }

    /** A key read from the environment variable {@code name}. */
    public static ApiKey fromEnv(String name, String value) {
        return new ApiKey(requireText(value), Objects.requireNonNull(name, "name"));
    }

    /** A key written in the user's settings file (which must be readable only by the user). */
    public static ApiKey fromSettingsFile(String value) {
        return new ApiKey(requireText(value), "the settings file");
    }

    /** No key: a local server that asks for none. */
    public static ApiKey none() {
        return NONE;
    }

    public boolean isPresent() {
        return secret != null;
    }

    /** Where it came from, for messages: {@code OPENAI_API_KEY}, {@code the settings file} or {@code no key}. */
    public String source() {
        return source;
    }

    /** The secret itself, for the request header only. */
    String reveal() {
        return secret;
    }

    private static String requireText(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key may not be empty");
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "ApiKey[" + source + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && Objects.equals(secret, key.secret) && source.equals(key.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secret, source);
    }
}
