package dev.groundwork.runners.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user's settings file says about one provider; every field is optional and overrides the environment and the
 * defaults. In {@code settings.json}:
 * <pre>{@code
 * "providers": {
 *   "openai":    { "base_url": "http://localhost:11434/v1", "api_key_env": "OLLAMA_KEY", "temperature": 0.7,
 *                  "max_tokens": 8192, "timeout_seconds": 300 },
 *   "anthropic": { "api_key": "sk-ant-…", "thinking_budget": 4000 }
 * }
 * }</pre>
 *
 * @param apiKeyEnv the environment variable that holds the key, instead of the provider's default
 * @param apiKey    a key written in the settings file itself (the file must be readable only by the user)
 */
public record ProviderSettings(
        Optional<String> baseUrl,
        Optional<String> apiKeyEnv,
        Optional<ApiKey> apiKey,
        Optional<Double> temperature,
        Optional<Integer> maxTokens,
        Optional<Duration> timeout,
        Optional<Integer> thinkingBudget) {

    public static final ProviderSettings NONE = new ProviderSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private static final Set<String> FIELDS = Set.of("base_url", "api_key_env", "api_key", "temperature", "max_tokens",
            "timeout_seconds", "thinking_budget");

    /**
     * Reads the {@code providers} object of the settings file; no file or no such object gives no overrides. A file
     * that holds an {@code api_key} must be readable by the user alone.
     *
     * @throws IllegalArgumentException a sentence naming the file and what to fix
     */
    public static Map<LlmProvider, ProviderSettings> read(Path settingsFile) {
        Map<LlmProvider, ProviderSettings> result = new EnumMap<>(LlmProvider.class);
        if (!Files.isRegularFile(settingsFile)) {
            return result;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(settingsFile.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(settingsFile + " is not valid JSON (" + firstLine(e.getMessage())
                    + "); fix it, or move it aside to start with default settings.");
        }
        JsonNode providers = root == null ? null : root.get("providers");
        if (providers == null || providers.isNull()) {
            return result;
        }
        if (!providers.isObject()) {
            throw new IllegalArgumentException(settingsFile + ": providers must be an object with openai and/or"
                    + " anthropic in it.");
        }
        boolean holdsKey = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = providers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            LlmProvider provider;
            try {
                provider = LlmProvider.fromWire(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(settingsFile + ": providers." + entry.getKey()
                        + " is not a provider; use openai or anthropic.");
            }
            ProviderSettings settings = parse(settingsFile, "providers." + entry.getKey(), entry.getValue());
            holdsKey |= settings.apiKey().isPresent();
            result.put(provider, settings);
        }
        if (holdsKey) {
            requireOwnerOnly(settingsFile);
        }
        return result;
    }

    private static ProviderSettings parse(Path file, String where, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": " + where + " must be an object.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(file + ": " + where + "." + name + " is not a provider setting;"
                        + " use " + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
            }
        }
        Optional<Integer> timeoutSeconds = whole(file, where, node, "timeout_seconds", 1, 3600);
        Optional<Double> temperature = number(file, where, node, "temperature");
        if (temperature.filter(t -> t < 0 || t > 2).isPresent()) {
            throw new IllegalArgumentException(file + ": " + where + ".temperature must be between 0 and 2.");
        }
        return new ProviderSettings(text(file, where, node, "base_url"), text(file, where, node, "api_key_env"),
                text(file, where, node, "api_key").map(ApiKey::fromSettingsFile), temperature,
                whole(file, where, node, "max_tokens", 1, 1_000_000),
                timeoutSeconds.map(Duration::ofSeconds), whole(file, where, node, "thinking_budget", 0, 1_000_000));
    }

    private static Optional<String> text(Path file, String where, JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": " + where + "." + name + " must be a non-empty string.");
        }
        return Optional.of(value.asText().strip());
    }

    private static Optional<Double> number(Path file, String where, JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(file + ": " + where + "." + name + " must be a number.");
        }
        return Optional.of(value.asDouble());
    }

    private static Optional<Integer> whole(Path file, String where, JsonNode node, String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new IllegalArgumentException(file + ": " + where + "." + name + " must be a whole number from " + min
                    + " to " + max + ".");
        }
        return Optional.of(value.asInt());
    }

    private static void requireOwnerOnly(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return; // Windows: the profile folder is private to the user
        } catch (IOException e) {
            throw new IllegalArgumentException("could not read the permissions of " + file + " (" + e.getMessage()
                    + "); make it readable only by you.");
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalArgumentException(file + " holds an API key but other users can read it; run chmod 600 "
                    + file + ", or keep the key in an environment variable (api_key_env).");
        }
    }

    private static String firstLine(String text) {
        return text == null ? "unreadable" : text.strip().lines().findFirst().orElse("unreadable");
    }
}
