package dev.groundwork.views.settings;

import dev.groundwork.views.common.TaskExecutor;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One LLM provider's card: base URL and key (saved to the user's settings file, never to a study), a model to try,
 * and a check that makes one tiny request with what the card holds, saved or not.
 */
public final class ProviderForm {

    private final LlmProviders providers;
    private final TaskExecutor tasks;
    private final ObjectProperty<LlmProviders.State> state;
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper usedBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final SimpleBooleanProperty messageIsError = new SimpleBooleanProperty();
    private final SimpleBooleanProperty checking = new SimpleBooleanProperty();
    private final SimpleBooleanProperty saving = new SimpleBooleanProperty();
    private final StringBinding baseUrlError;
    private final StringBinding baseUrlPrompt;
    private final StringBinding keyNote;
    private final BooleanBinding changed;
    private final BooleanBinding canSave;
    private final BooleanBinding canTest;
    private final BooleanBinding canForgetKey;
    private String suggestedModel = "";

    ProviderForm(LlmProviders.State initial, LlmProviders providers, TaskExecutor tasks) {
        this.providers = providers;
        this.tasks = tasks;
        this.state = new SimpleObjectProperty<>(initial);
        baseUrl.set(initial.savedBaseUrl());
        baseUrlError = Bindings.createStringBinding(() -> BaseUrls.problem(baseUrl.get()), baseUrl);
        baseUrlPrompt = Bindings.createStringBinding(() -> state.get().environmentBaseUrl().isBlank()
                ? state.get().defaultBaseUrl()
                : state.get().environmentBaseUrl() + " (" + state.get().baseUrlVariable() + ")", state);
        keyNote = Bindings.createStringBinding(this::keySentence, apiKey, baseUrl, state);
        changed = Bindings.createBooleanBinding(() -> !baseUrl.get().strip().equals(state.get().savedBaseUrl())
                || !apiKey.get().isBlank(), baseUrl, apiKey, state);
        canSave = Bindings.createBooleanBinding(() -> changed.get() && baseUrlError.get().isEmpty() && !saving.get(),
                changed, baseUrlError, saving);
        canTest = Bindings.createBooleanBinding(() -> !model.get().isBlank() && baseUrlError.get().isEmpty()
                && !checking.get(), model, baseUrlError, checking);
        canForgetKey = Bindings.createBooleanBinding(() -> state.get().keyInFile() && !saving.get(), state, saving);
    }

    /** Where the key the check and the loop would use comes from, as a sentence. */
    private String keySentence() {
        LlmProviders.State now = state.get();
        if (!apiKey.get().isBlank()) {
            return "Save keeps this key in your settings file, readable only by you; it never goes into a study.";
        }
        if (now.keyInEnvironment() && (now.environmentFirst() || !now.keyInFile())) {
            return "From environment " + now.keyVariable() + ".";
        }
        if (now.keyInFile()) {
            return "A key is saved in your settings file (readable only by you); type another to replace it.";
        }
        if (BaseUrls.isLocal(baseUrl.get().isBlank() ? effectiveDefault(now) : baseUrl.get())) {
            return "No key needed: the server is on this machine or a private network.";
        }
        return "No key yet: type one here, or set " + now.keyVariable() + " before starting Groundwork.";
    }

    private static String effectiveDefault(LlmProviders.State now) {
        return now.environmentBaseUrl().isBlank() ? now.defaultBaseUrl() : now.environmentBaseUrl();
    }

    /** The settings as read again (after a save, or when a study opens); a typed key is cleared. */
    void use(LlmProviders.State now) {
        state.set(now);
        baseUrl.set(now.savedBaseUrl());
        apiKey.set("");
    }

    /**
     * Which of the study's agents use this provider, e.g. "agents.ideator: openai:gpt-4o". The first one's model
     * fills the model field, unless the researcher typed another.
     */
    void showUsers(List<String> agents, String studyModel) {
        usedBy.set(agents.isEmpty() ? "No agent of this study uses it." : "Used by " + String.join(", ", agents) + ".");
        if (model.get().isBlank() || model.get().equals(suggestedModel)) {
            model.set(studyModel);
        }
        suggestedModel = studyModel;
    }

    /** No study is open: no agent uses the provider, and the model typed stays. */
    void showNoStudy() {
        usedBy.set("");
    }

    /** One tiny request with the card's values, in the background. */
    public void test() {
        if (!canTest.get()) {
            return;
        }
        LlmProviders.Draft draft = draft();
        String where = draft.baseUrl().isBlank() ? effectiveDefault(state.get()) : draft.baseUrl();
        checking.set(true);
        say("Asking " + draft.model() + " at " + where + "…", false);
        tasks.submit("Testing " + state.get().name() + " " + draft.model(), progress -> providers.check(draft),
                check -> {
                    checking.set(false);
                    say(check.sentence(), !check.ok());
                }, failure -> {
                    checking.set(false);
                    say("The test could not run: " + failure.getMessage(), true);
                });
    }

    /** Writes the base URL and a typed key to the settings file. */
    public void save() {
        if (canSave.get()) {
            write(draft(), "Saved to " + state.get().settingsFile() + ".");
        }
    }

    /** Removes the key saved in the settings file. */
    public void forgetKey() {
        if (canForgetKey.get()) {
            LlmProviders.Draft draft = new LlmProviders.Draft(state.get().id(), state.get().savedBaseUrl(),
                    model.get().strip(), "", true);
            write(draft, "The saved key is gone from " + state.get().settingsFile() + ".");
        }
    }

    private void write(LlmProviders.Draft draft, String done) {
        saving.set(true);
        tasks.submit("Saving " + state.get().name() + " settings", progress -> providers.save(draft), now -> {
            saving.set(false);
            use(now);
            say(done, false);
        }, failure -> {
            saving.set(false);
            say("Not saved: " + failure.getMessage(), true);
        });
    }

    private LlmProviders.Draft draft() {
        return new LlmProviders.Draft(state.get().id(), baseUrl.get().strip(), model.get().strip(),
                apiKey.get().strip(), false);
    }

    private void say(String text, boolean error) {
        messageIsError.set(error);
        message.set(Objects.requireNonNullElse(text, ""));
    }

    public String id() {
        return state.get().id();
    }

    /** A model to show in the empty field, as a hint of what to type. */
    public String modelExample() {
        return switch (state.get().id()) {
            case "openai" -> "e.g. gpt-4o-mini, or llama3.1:8b on Ollama";
            case "anthropic" -> "e.g. claude-sonnet-4-5";
            default -> "";
        };
    }

    public ReadOnlyObjectProperty<LlmProviders.State> stateProperty() {
        return state;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelProperty() {
        return model;
    }

    /** The key typed; never filled from the settings file or the environment. */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringBinding baseUrlErrorProperty() {
        return baseUrlError;
    }

    /** The base URL used while the field is empty. */
    public StringBinding baseUrlPromptProperty() {
        return baseUrlPrompt;
    }

    /** Where the key comes from, e.g. "From environment OPENAI_API_KEY." */
    public StringBinding keyNoteProperty() {
        return keyNote;
    }

    public ReadOnlyStringProperty usedByProperty() {
        return usedBy.getReadOnlyProperty();
    }

    /** The last test's or save's sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canTestProperty() {
        return canTest;
    }

    public BooleanBinding canForgetKeyProperty() {
        return canForgetKey;
    }
}
