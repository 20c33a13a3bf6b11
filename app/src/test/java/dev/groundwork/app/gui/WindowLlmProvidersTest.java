package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.llm.LlmProvider;
import dev.groundwork.runners.llm.ProviderSettings;
import dev.groundwork.views.settings.LlmProviders;
import dev.groundwork.views.settings.LlmProviders.Draft;
import dev.groundwork.views.settings.LlmProviders.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Settings page's providers on a real settings file and a real OpenAI-compatible server on loopback: what the file
 * and the environment say, saving a base URL and a key (readable by the user alone, read back as the loop reads it),
 * and the Test button's one request.
 */
class WindowLlmProvidersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path file;
    private SettingsStore settings;
    private MockWebServer server;
    private final BlockingQueue<String> authorizations = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws IOException {
        file = temp.resolve("config/settings.json");
        settings = new SettingsStore(file);
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String authorization = request.getHeaders().get("Authorization");
                authorizations.add(authorization == null ? "none" : authorization);
                if (authorization != null && !authorization.equals("Bearer sk-good-key-123456")) {
                    return json(401, """
                            {"error": {"message": "Incorrect API key provided: sk-wro*****3456.", \
                            "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}""");
                }
                return json(200, completion("ready"));
            }
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
        settings.close();
    }

    private WindowLlmProviders providers(Map<String, String> env) {
        return new WindowLlmProviders(settings, file, env, LlmAgents.create(Optional.empty(), Optional.empty()));
    }

    @Test
    void withNoSettingsFileTheEnvironmentAndTheDefaultsShow() {
        var states = providers(Map.of("OPENAI_API_KEY", "sk-from-env", "OPENAI_BASE_URL", "http://gpu-box:8000/v1"))
                .read();

        assertThat(states).extracting(State::id).containsExactly("openai", "anthropic");
        State openai = states.getFirst();
        assertThat(openai.savedBaseUrl()).isEmpty();
        assertThat(openai.environmentBaseUrl()).isEqualTo("http://gpu-box:8000/v1");
        assertThat(openai.keyVariable()).isEqualTo("OPENAI_API_KEY");
        assertThat(openai.keyInEnvironment()).isTrue();
        assertThat(openai.keyInFile()).isFalse();
        State anthropic = states.get(1);
        assertThat(anthropic.defaultBaseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(anthropic.keyInEnvironment()).isFalse();
    }

    @Test
    void aSavedKeyAndBaseUrlGoToTheSettingsFileOnlyReadableByTheUserAndTheLoopReadsThem() throws Exception {
        settings.update(current -> current.withTheme("dark"));
        WindowLlmProviders providers = providers(Map.of());

        State saved = providers.save(new Draft("anthropic", "http://10.0.0.5:8080", "", "sk-ant-secret-1", false));

        assertThat(saved.savedBaseUrl()).isEqualTo("http://10.0.0.5:8080");
        assertThat(saved.keyInFile()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ProviderSettings forLoop = ProviderSettings.read(file).get(LlmProvider.ANTHROPIC);
        assertThat(forLoop.baseUrl()).hasValue("http://10.0.0.5:8080");
        assertThat(forLoop.apiKey()).isPresent();
        ObjectNode written = (ObjectNode) JSON.readTree(file.toFile());
        assertThat(written.get("theme").asText()).as("the rest of the settings stay").isEqualTo("dark");
        assertThat(written.at("/providers/anthropic/api_key").asText()).isEqualTo("sk-ant-secret-1");

        State forgotten = providers.save(new Draft("anthropic", "http://10.0.0.5:8080", "", "", true));
        assertThat(forgotten.keyInFile()).isFalse();
        assertThat(Files.readString(file)).doesNotContain("sk-ant-secret-1").contains("10.0.0.5");

        State cleared = providers.save(new Draft("anthropic", "", "", "", false));
        assertThat(cleared.savedBaseUrl()).isEmpty();
        assertThat(JSON.readTree(file.toFile()).at("/providers").isEmpty()).isTrue();
    }

    @Test
    void fieldsTheFileHoldsBesideBaseUrlAndKeyAreKept() throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"theme": "light", "providers": {"openai": {"max_tokens": 4096, "api_key_env": "OLLAMA_KEY"}}}""");
        settings.close();
        settings = new SettingsStore(file);

        State state = providers(Map.of("OLLAMA_KEY", "x")).save(new Draft("openai", server.url("/v1").toString(), "",
                "", false));

        assertThat(state.keyVariable()).isEqualTo("OLLAMA_KEY");
        assertThat(state.keyInEnvironment()).isTrue();
        assertThat(state.environmentFirst()).isTrue();
        ProviderSettings forLoop = ProviderSettings.read(file).get(LlmProvider.OPENAI);
        assertThat(forLoop.maxTokens()).hasValue(4096);
        assertThat(forLoop.apiKeyEnv()).hasValue("OLLAMA_KEY");
    }

    @Test
    void aBaseUrlTheClientsWouldRefuseIsNotSaved() {
        WindowLlmProviders providers = providers(Map.of());

        assertThatThrownBy(() -> providers.save(new Draft("openai", "ftp://files.example.com", "", "", false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an http(s) URL with a host");
        assertThat(file).doesNotExist();
    }

    @Test
    void theTestAsksALocalServerWithoutAKeyAndSaysWhatAnswered() {
        LlmProviders.Check check = providers(Map.of()).check(new Draft("openai", server.url("/v1").toString(),
                "llama3.1:8b", "", false));

        assertThat(check.ok()).as(check.sentence()).isTrue();
        assertThat(check.sentence()).startsWith("openai:llama3.1:8b at http://")
                .contains("answered \"ready\"").endsWith("without a key.");
        assertThat(authorizations.poll()).isEqualTo("none");
    }

    @Test
    void aTypedKeyIsTestedBeforeItIsSavedAndAWrongOneSaysWhatToDo() throws Exception {
        String url = server.url("/v1").toString();
        WindowLlmProviders providers = providers(Map.of("OPENAI_API_KEY", "sk-wrong-key-993456"));

        LlmProviders.Check typed = providers.check(new Draft("openai", url, "gpt-4o-mini", "sk-good-key-123456", false));
        assertThat(typed.ok()).as(typed.sentence()).isTrue();
        assertThat(typed.sentence()).endsWith("with the key from the Settings page.");
        assertThat(authorizations.poll()).isEqualTo("Bearer sk-good-key-123456");
        assertThat(file).as("testing saves nothing").doesNotExist();

        LlmProviders.Check fromEnvironment = providers.check(new Draft("openai", url, "gpt-4o-mini", "", false));
        assertThat(fromEnvironment.ok()).isFalse();
        assertThat(fromEnvironment.sentence()).doesNotContain("sk-wrong").containsIgnoringCase("key");
        assertThat(authorizations.poll()).isEqualTo("Bearer sk-wrong-key-993456");
    }

    @Test
    void aMissingKeyForARemoteServerIsASentenceNotARequest() {
        LlmProviders.Check check = providers(Map.of()).check(new Draft("anthropic", "", "claude-sonnet-4-5", "", false));

        assertThat(check.ok()).isFalse();
        assertThat(check.sentence()).isEqualTo("anthropic:claude-sonnet-4-5 needs an API key in ANTHROPIC_API_KEY, which"
                + " is not set; export it, or point the anthropic base URL at a local server.");
        assertThat(authorizations).isEmpty();
    }

    private static String completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1764150000).put("model", "m");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        body.putObject("usage").put("prompt_tokens", 21).put("completion_tokens", 2).put("total_tokens", 23);
        return body.toString();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }
}
