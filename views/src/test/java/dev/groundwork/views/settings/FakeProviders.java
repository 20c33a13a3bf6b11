package dev.groundwork.views.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Providers kept in memory, with OPENAI_API_KEY set in the environment; records what was saved and checked. */
final class FakeProviders implements LlmProviders {

    final Map<String, State> states = new LinkedHashMap<>();
    final List<Draft> saved = new ArrayList<>();
    final List<Draft> checked = new ArrayList<>();
    Check answer = new Check(true, "openai:gpt-4o at https://api.openai.com/v1 answered \"ready\" in 412 ms.");

    FakeProviders() {
        states.put("openai", new State("openai", "OpenAI-compatible", "OpenAI, vLLM, Ollama", "https://api.openai.com/v1",
                "", "OPENAI_BASE_URL", "", "OPENAI_API_KEY", true, false, false, "/home/ada/.config/groundwork/settings.json"));
        states.put("anthropic", new State("anthropic", "Anthropic", "Anthropic's Messages API", "https://api.anthropic.com",
                "", "ANTHROPIC_BASE_URL", "", "ANTHROPIC_API_KEY", false, false, false,
                "/home/ada/.config/groundwork/settings.json"));
    }

    @Override
    public List<State> read() {
        return List.copyOf(states.values());
    }

    @Override
    public State save(Draft draft) {
        saved.add(draft);
        State old = states.get(draft.id());
        State now = new State(old.id(), old.name(), old.servers(), old.defaultBaseUrl(), draft.baseUrl(),
                old.baseUrlVariable(), old.environmentBaseUrl(), old.keyVariable(), old.keyInEnvironment(),
                !draft.forgetKey() && (old.keyInFile() || !draft.apiKey().isEmpty()), old.environmentFirst(),
                old.settingsFile());
        states.put(draft.id(), now);
        return now;
    }

    @Override
    public Check check(Draft draft) {
        checked.add(draft);
        return answer;
    }
}
