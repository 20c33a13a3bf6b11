package dev.groundwork.runners.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.spec.AgentRef;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmSettingsTest {

    private static final AgentRef GPT = AgentRef.parse("openai:gpt-4o").orElseThrow();
    private static final AgentRef CLAUDE = AgentRef.parse("anthropic:claude-sonnet-4-5").orElseThrow();
    private static final AgentRef LLAMA = AgentRef.parse("openai:llama3.1:8b").orElseThrow();

    @TempDir
    Path dir;

    @Test
    void theDefaultsTakeTheKeyFromTheProvidersVariable() {
        LlmSettings settings = LlmSettings.resolve(GPT, "agents.ideator", Map.of("OPENAI_API_KEY", "sk-abc"),
                ProviderSettings.NONE);

        assertThat(settings.provider()).isEqualTo(LlmProvider.OPENAI);
        assertThat(settings.model()).isEqualTo("gpt-4o");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(settings.apiKey().source()).isEqualTo("OPENAI_API_KEY");
        assertThat(settings.apiKey().reveal()).isEqualTo("sk-abc");
        assertThat(settings.maxTokens()).isEqualTo(LlmSettings.DEFAULT_MAX_TOKENS);
        assertThat(settings.timeout()).isEqualTo(LlmSettings.DEFAULT_TIMEOUT);
        assertThat(settings.temperature()).isNull();
        assertThat(settings.serverName()).isEqualTo("OpenAI");
        assertThat(settings.displayName()).isEqualTo("openai:gpt-4o");
        assertThat(settings.toString()).doesNotContain("sk-abc").contains("ApiKey[OPENAI_API_KEY]");
        LlmSettings claude = LlmSettings.resolve(CLAUDE, "agents.implementer", Map.of("ANTHROPIC_API_KEY", "sk-ant-x"),
                ProviderSettings.NONE);
        assertThat(claude.baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
        assertThat(claude.serverName()).isEqualTo("Anthropic");
    }

    @Test
    void aMissingKeyIsOneSentence() {
        assertThatThrownBy(() -> LlmSettings.resolve(GPT, "agents.ideator", Map.of(), ProviderSettings.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agents.ideator is openai:gpt-4o but OPENAI_API_KEY is not set; export it, or use"
                        + " agents.ideator: catalog.");
        assertThatThrownBy(() -> LlmSettings.resolve(CLAUDE, "agents.implementer", Map.of("ANTHROPIC_API_KEY", " "),
                ProviderSettings.NONE))
                .hasMessage("agents.implementer is anthropic:claude-sonnet-4-5 but ANTHROPIC_API_KEY is not set;"
                        + " export it, or use agents.implementer: catalog.");
        assertThatThrownBy(() -> LlmSettings.resolve(GPT, null, Map.of(), ProviderSettings.NONE))
                .hasMessage("openai:gpt-4o needs an API key in OPENAI_API_KEY, which is not set; export it, or point"
                        + " the openai base URL at a local server.");
    }

    @Test
    void aLocalServerNeedsNoKey() {
        LlmSettings ollama = LlmSettings.resolve(LLAMA, "agents.ideator",
                Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1/"), ProviderSettings.NONE);

        assertThat(ollama.baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
        assertThat(ollama.apiKey().isPresent()).isFalse();
        assertThat(ollama.isLocal()).isTrue();
        assertThat(ollama.model()).isEqualTo("llama3.1:8b");
        assertThat(ollama.serverName()).isEqualTo("the OpenAI-compatible server at localhost:11434");
        assertThat(LlmSettings.isLocal(URI.create("http://127.0.0.1:8000/v1"))).isTrue();
        assertThat(LlmSettings.isLocal(URI.create("http://[::1]:8000/v1"))).isTrue();
        assertThat(LlmSettings.isLocal(URI.create("http://192.168.1.20:8000/v1"))).isTrue();
        assertThat(LlmSettings.isLocal(URI.create("http://10.0.0.5/v1"))).isTrue();
        assertThat(LlmSettings.isLocal(URI.create("https://api.together.xyz/v1"))).isFalse();
        assertThat(LlmSettings.isLocal(URI.create("http://8.8.8.8/v1"))).isFalse();
        assertThatThrownBy(() -> LlmSettings.resolve(LLAMA, "agents.ideator",
                Map.of("OPENAI_BASE_URL", "https://api.together.xyz/v1"), ProviderSettings.NONE))
                .hasMessageContaining("OPENAI_API_KEY is not set");
    }

    @Test
    void theSettingsFileComesFirst() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, """
                {"theme": "dark", "providers": {
                  "openai": {"base_url": "http://gpu-box:8000/v1", "api_key_env": "VLLM_KEY", "temperature": 0.2,
                             "max_tokens": 2000, "timeout_seconds": 90},
                  "anthropic": {"api_key": "sk-ant-from-file", "thinking_budget": 2048}
                }}""");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        Map<LlmProvider, ProviderSettings> fromFile = ProviderSettings.read(file);
        LlmSettings vllm = LlmAgents.settings(GPT, "agents.ideator",
                Map.of("VLLM_KEY", "token-1", "OPENAI_API_KEY", "sk-other", "OPENAI_BASE_URL", "http://ignored/v1"),
                fromFile);
        LlmSettings claude = LlmAgents.settings(CLAUDE, "agents.implementer", Map.of("ANTHROPIC_API_KEY", "sk-env"),
                fromFile);

        assertThat(vllm.baseUrl()).isEqualTo(URI.create("http://gpu-box:8000/v1"));
        assertThat(vllm.apiKey().source()).isEqualTo("VLLM_KEY");
        assertThat(vllm.apiKey().reveal()).isEqualTo("token-1");
        assertThat(vllm.temperature()).isEqualTo(0.2);
        assertThat(vllm.maxTokens()).isEqualTo(2000);
        assertThat(vllm.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(claude.apiKey().source()).isEqualTo("the settings file");
        assertThat(claude.apiKey().reveal()).isEqualTo("sk-ant-from-file");
        assertThat(claude.thinkingBudget()).isEqualTo(2048);
        assertThatThrownBy(() -> LlmAgents.settings(GPT, "agents.ideator", Map.of("OPENAI_API_KEY", "sk"), fromFile))
                .hasMessage("agents.ideator is openai:gpt-4o but VLLM_KEY (named by api_key_env in the settings file)"
                        + " is not set; export it, or use agents.ideator: catalog.");
    }

    @Test
    void aKeyInAFileOthersCanReadIsRefused() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"providers\": {\"openai\": {\"api_key\": \"sk-file\"}}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ProviderSettings.read(file))
                .hasMessage(file + " holds an API key but other users can read it; run chmod 600 " + file
                        + ", or keep the key in an environment variable (api_key_env).");
    }

    @Test
    void mistakesInTheSettingsFileAreSentences() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"providers\": {\"openai\": {\"model\": \"gpt-4o\"}}}");
        assertThatThrownBy(() -> ProviderSettings.read(file)).hasMessage(file + ": providers.openai.model is not a"
                + " provider setting; use api_key, api_key_env, base_url, max_tokens, temperature, thinking_budget,"
                + " timeout_seconds.");
        Files.writeString(file, "{\"providers\": {\"mistral\": {}}}");
        assertThatThrownBy(() -> ProviderSettings.read(file)).hasMessage(file + ": providers.mistral is not a"
                + " provider; use openai or anthropic.");
        Files.writeString(file, "{\"providers\": {\"openai\": {\"max_tokens\": 0}}}");
        assertThatThrownBy(() -> ProviderSettings.read(file)).hasMessage(file + ": providers.openai.max_tokens must"
                + " be a whole number from 1 to 1000000.");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> ProviderSettings.read(file)).hasMessageStartingWith(file + " is not valid JSON (");
        assertThat(ProviderSettings.read(dir.resolve("missing.json"))).isEmpty();
        Files.writeString(file, "{\"theme\": \"light\"}");
        assertThat(ProviderSettings.read(file)).isEmpty();
    }

    @Test
    void badBaseUrlsAndBudgetsAreSentences() {
        assertThatThrownBy(() -> LlmSettings.resolve(LLAMA, "agents.ideator", Map.of("OPENAI_BASE_URL", "localhost:11434"),
                ProviderSettings.NONE))
                .hasMessage("OPENAI_BASE_URL \"localhost:11434\" is not an http(s) URL with a host; use one like"
                        + " http://localhost:11434/v1.");
        ProviderSettings thinking = new ProviderSettings(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(2048));
        assertThatThrownBy(() -> LlmSettings.resolve(GPT, "agents.ideator", Map.of("OPENAI_API_KEY", "k"), thinking))
                .hasMessage("thinking_budget is set for openai in the settings file, but only Anthropic models think"
                        + " with a budget; remove it.");
        ProviderSettings tooSmall = new ProviderSettings(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(500));
        assertThatThrownBy(() -> LlmSettings.resolve(CLAUDE, "agents.ideator", Map.of("ANTHROPIC_API_KEY", "k"),
                tooSmall)).hasMessage("thinking_budget for anthropic in the settings file is 500; use 0 (off) or at"
                + " least 1024.");
    }

    @Test
    void keysNeverPrintThemselves() {
        ApiKey key = ApiKey.fromEnv("OPENAI_API_KEY", "sk-secret-123456");
        assertThat(key.toString()).isEqualTo("ApiKey[OPENAI_API_KEY]");
        assertThat(ApiKey.fromSettingsFile("sk-secret").toString()).isEqualTo("ApiKey[the settings file]");
        assertThat(Secrets.scrub("Incorrect API key provided: sk-secret-123456 and sk-proj-****abcd.", key))
                .isEqualTo("Incorrect API key provided: [key] and [key].");
    }
}
