package dev.groundwork.views.settings;

import java.util.List;

/**
 * The LLM providers as the Settings page sees them: what the user's settings file and the environment say about each,
 * saving a base URL and a key to that file, and a one-request check. The app implements it with the runners' LLM
 * clients; every method may block (file, network), so the page calls them off the UI thread.
 */
public interface LlmProviders {

    /** Each provider, openai first; none when this window cannot reach the settings (the page says so). */
    List<State> read();

    /**
     * Writes the draft's base URL (empty: the environment's or the default) and its key (when one is typed, or removed
     * when {@link Draft#forgetKey()}) to the user's settings file, never anywhere else.
     *
     * @throws IllegalArgumentException a sentence saying what to fix (a settings file that is not JSON, say)
     */
    State save(Draft draft);

    /** One tiny request with the draft's values, typed key included: whether it answered, as a sentence. */
    Check check(Draft draft);

    /**
     * One provider's settings now.
     *
     * @param id                 {@code openai} or {@code anthropic}, as the spec's agents name it
     * @param name               for the card's title, e.g. "OpenAI-compatible"
     * @param servers            what speaks its protocol, e.g. "OpenAI, vLLM, Ollama, LM Studio"
     * @param defaultBaseUrl     used when neither the settings file nor the environment names one
     * @param savedBaseUrl       the settings file's {@code base_url}; empty when it has none
     * @param baseUrlVariable    the environment variable that may name one, e.g. {@code OPENAI_BASE_URL}
     * @param environmentBaseUrl that variable's value; empty when it is not set
     * @param keyVariable        the environment variable the key is read from, e.g. {@code OPENAI_API_KEY}
     * @param keyInEnvironment   whether that variable is set
     * @param keyInFile          whether the settings file holds a key
     * @param environmentFirst   the settings file names the key's variable ({@code api_key_env}), so the environment
     *                           wins over a key in the file
     * @param settingsFile       where the settings file is, for sentences
     */
    record State(String id, String name, String servers, String defaultBaseUrl, String savedBaseUrl,
                 String baseUrlVariable, String environmentBaseUrl, String keyVariable, boolean keyInEnvironment,
                 boolean keyInFile, boolean environmentFirst, String settingsFile) {}

    /**
     * What the card holds.
     *
     * @param apiKey    the key typed; empty when none is (the saved or environment key is used)
     * @param forgetKey remove the key saved in the settings file
     */
    record Draft(String id, String baseUrl, String model, String apiKey, boolean forgetKey) {

        /** Never prints the key. */
        @Override
        public String toString() {
            return "Draft[" + id + ", " + baseUrl + ", " + model + (apiKey.isEmpty() ? "" : ", a typed key") + "]";
        }
    }

    /** What the check found: {@code ok}, and a sentence that says what answered or what to do. */
    record Check(boolean ok, String sentence) {}

    /** A window without provider settings (tests of other pages). */
    LlmProviders NONE = new LlmProviders() {
        @Override
        public List<State> read() {
            return List.of();
        }

        @Override
        public State save(Draft draft) {
            throw new IllegalArgumentException("This window cannot change provider settings.");
        }

        @Override
        public Check check(Draft draft) {
            return new Check(false, "This window cannot reach the LLM providers.");
        }
    };
}
