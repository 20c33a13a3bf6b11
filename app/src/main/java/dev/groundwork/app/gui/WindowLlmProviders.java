package dev.groundwork.app.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.spec.AgentRef;
import dev.groundwork.runners.llm.ApiKey;
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.llm.LlmCheck;
import dev.groundwork.runners.llm.LlmProvider;
import dev.groundwork.runners.llm.LlmSettings;
import dev.groundwork.runners.llm.ProviderSettings;
import dev.groundwork.views.settings.LlmProviders;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Settings page's LLM providers: the user's settings file (through {@link SettingsStore}, which writes it readable
 * by the user alone) and the environment, read as {@link LlmSettings#resolve} reads them for the loop, and
 * {@link LlmCheck} for the Test button. A key goes into the settings file only: never a study, a log or a message.
 */
public final class WindowLlmProviders implements LlmProviders {

    /** A test is one tiny request; a server that needs longer than this for it will not do for a study either. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(45);
    /** How the check's sentence names a key typed on the page and not saved yet. */
    static final String TYPED_KEY = "the Settings page";

    private final SettingsStore settings;
    private final Path settingsFile;
    private final Map<String, String> env;
    private final LlmAgents llm;

    /**
     * @param settingsFile the file {@code settings} writes, which {@link ProviderSettings#read} reads for the loop
     * @param env          the process environment, where keys and base URLs may come from
     */
    public WindowLlmProviders(SettingsStore settings, Path settingsFile, Map<String, String> env, LlmAgents llm) {
        this.settings = settings;
        this.settingsFile = settingsFile;
        this.env = env;
        this.llm = llm;
    }

    @Override
    public List<State> read() {
        Map<LlmProvider, ProviderSettings> file = fileSettings();
        return Arrays.stream(LlmProvider.values())
                .map(provider -> state(provider, file.getOrDefault(provider, ProviderSettings.NONE)))
                .toList();
    }

    @Override
    public State save(Draft draft) {
        LlmProvider provider = LlmProvider.fromWire(draft.id());
        if (!draft.baseUrl().isBlank()) {
            checkedBaseUrl(provider, draft.baseUrl());
        }
        settings.update(current -> current.withProviders(withDraft(current.providers(), draft)));
        settings.flush();
        return state(provider, fileSettings().getOrDefault(provider, ProviderSettings.NONE));
    }

    @Override
    public Check check(Draft draft) {
        if (draft.model().isBlank()) {
            return new Check(false, "Type the model to test, e.g. gpt-4o-mini.");
        }
        LlmProvider provider = LlmProvider.fromWire(draft.id());
        AgentRef ref = new AgentRef(AgentRef.Kind.valueOf(provider.name()), Optional.of(draft.model()));
        LlmSettings resolved;
        try {
            ProviderSettings file = fileSettings().getOrDefault(provider, ProviderSettings.NONE);
            resolved = LlmSettings.resolve(ref, null, env, asDrafted(file, draft));
        } catch (IllegalArgumentException e) {
            return new Check(false, e.getMessage()); // starts with the agent's name, as the CLI's llm test says it
        }
        LlmCheck.Result result = llm.check().run(resolved.withTimeout(CHECK_TIMEOUT));
        return new Check(result.ok(), result.sentence());
    }

    /** The settings file's values with the card's typed ones over them, as the check should use them. */
    private static ProviderSettings asDrafted(ProviderSettings file, Draft draft) {
        Optional<String> baseUrl = draft.baseUrl().isBlank() ? file.baseUrl() : Optional.of(draft.baseUrl());
        boolean typedKey = !draft.apiKey().isBlank();
        return new ProviderSettings(baseUrl,
                typedKey ? Optional.empty() : file.apiKeyEnv(),
                typedKey ? Optional.of(ApiKey.fromEnv(TYPED_KEY, draft.apiKey())) : file.apiKey(),
                file.temperature(), file.maxTokens(), file.timeout(), file.thinkingBudget());
    }

    /** The {@code providers} object with the draft's base URL and key in it; other fields stay as written. */
    private static JsonNode withDraft(JsonNode providers, Draft draft) {
        if (providers != null && !providers.isNull() && !providers.isObject()) {
            throw new IllegalArgumentException("providers in the settings file is not an object; fix the file, or"
                    + " remove providers from it.");
        }
        ObjectNode all = providers instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        ObjectNode entry = all.get(draft.id()) instanceof ObjectNode object ? object : all.putObject(draft.id());
        if (draft.baseUrl().isBlank()) {
            entry.remove("base_url");
        } else {
            entry.put("base_url", draft.baseUrl().strip());
        }
        if (draft.forgetKey()) {
            entry.remove("api_key");
        } else if (!draft.apiKey().isBlank()) {
            entry.put("api_key", draft.apiKey().strip());
        }
        if (entry.isEmpty()) {
            all.remove(draft.id());
        }
        return all;
    }

    private Map<LlmProvider, ProviderSettings> fileSettings() {
        settings.flush(); // the file is what the loop reads; a change still waiting for its write is part of it
        return ProviderSettings.read(settingsFile);
    }

    private State state(LlmProvider provider, ProviderSettings file) {
        String keyVariable = file.apiKeyEnv().orElse(provider.defaultKeyEnv());
        return new State(provider.wireName(), name(provider), servers(provider), provider.defaultBaseUrl().toString(),
                file.baseUrl().orElse(""), provider.baseUrlEnv(), env.getOrDefault(provider.baseUrlEnv(), "").strip(),
                keyVariable, !env.getOrDefault(keyVariable, "").isBlank(), file.apiKey().isPresent(),
                file.apiKeyEnv().isPresent(), settingsFile.toString());
    }

    private static void checkedBaseUrl(LlmProvider provider, String url) {
        try {
            LlmSettings.defaults(provider, "check", ApiKey.none()).withBaseUrl(new URI(url.strip()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("\"" + url + "\" is not a URL; type one like http://localhost:11434/v1.");
        }
    }

    private static String name(LlmProvider provider) {
        return switch (provider) {
            case OPENAI -> "OpenAI-compatible";
            case ANTHROPIC -> "Anthropic";
        };
    }

    private static String servers(LlmProvider provider) {
        return switch (provider) {
            case OPENAI -> "OpenAI, vLLM, Ollama, LM Studio, llama.cpp: agents named openai:MODEL";
            case ANTHROPIC -> "Anthropic's Messages API: agents named anthropic:MODEL";
        };
    }
}
