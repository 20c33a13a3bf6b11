package dev.groundwork.views.settings;

import dev.groundwork.model.spec.GatesSpec;
import dev.groundwork.model.spec.GatesSpec.Gate;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.spec.SpecEdit;
import dev.groundwork.model.spec.SpecException;
import dev.groundwork.model.spec.StudySpec;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.common.TaskExecutor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The study's gates, budgets and search sizes as the Settings page edits them: checked as they are typed, saved into
 * groundwork.yaml (only the values that changed, comments kept) and checked again by the spec loader, whose sentences
 * come back as the form's message when it refuses.
 */
public final class SpecForm {

    private final TaskExecutor tasks;
    private final Consumer<StudySpec> saved;
    private final ObjectProperty<Gate> ideaGate = new SimpleObjectProperty<>(Gate.AUTO);
    private final ObjectProperty<Gate> patchGate = new SimpleObjectProperty<>(Gate.MANUAL);
    private final ObjectProperty<Gate> launchGate = new SimpleObjectProperty<>(Gate.AUTO);
    private final NumberField llmUsd = new NumberField(NumberField.Kind.LIMIT);
    private final NumberField gpuHours = new NumberField(NumberField.Kind.LIMIT);
    private final NumberField epochs = new NumberField(NumberField.Kind.COUNT);
    private final NumberField ideasPerEpoch = new NumberField(NumberField.Kind.COUNT);
    private final NumberField concurrency = new NumberField(NumberField.Kind.COUNT);
    private final ObjectProperty<RunSpec.Target> target = new SimpleObjectProperty<>(RunSpec.Target.LOCAL);
    /** The spec's run.image, which the Docker target needs; empty when it names none. */
    private final ReadOnlyStringWrapper image = new ReadOnlyStringWrapper("");
    private final BooleanBinding targetInvalid;
    private final StringBinding targetNote;
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper("Open a study to see its settings.");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final SimpleBooleanProperty messageIsError = new SimpleBooleanProperty();
    private final SimpleBooleanProperty saving = new SimpleBooleanProperty();
    /** Bumped when the values the form started from change, so that "changed" is recomputed. */
    private final SimpleObjectProperty<Map<String, Optional<String>>> loaded = new SimpleObjectProperty<>(Map.of());
    private final BooleanBinding valid;
    private final BooleanBinding changed;
    private final BooleanBinding canSave;
    private StudyFolder folder;

    /** @param saved told the spec the study holds after a save (the page refreshes what depends on it) */
    SpecForm(TaskExecutor tasks, Consumer<StudySpec> saved) {
        this.tasks = tasks;
        this.saved = saved;
        Observable[] inputs = {ideaGate, patchGate, launchGate, llmUsd.textProperty(), gpuHours.textProperty(),
                epochs.textProperty(), ideasPerEpoch.textProperty(), concurrency.textProperty(), target, loaded};
        targetInvalid = Bindings.createBooleanBinding(() -> target.get() == RunSpec.Target.DOCKER
                && image.get().isEmpty(), target, image);
        targetNote = Bindings.createStringBinding(() -> switch (target.get()) {
            case LOCAL -> "as processes of this machine";
            case DOCKER -> image.get().isEmpty()
                    ? "Docker needs the image to run in: name it as run.image in groundwork.yaml."
                    : "in containers of " + image.get() + " on the Docker hosts below";
        }, target, image);
        valid = Bindings.createBooleanBinding(() -> numbers().values().stream().allMatch(NumberField::isValid)
                && !targetInvalid.get(), inputs);
        changed = Bindings.createBooleanBinding(() -> valid.get() && !edits().isEmpty(), inputs);
        canSave = Bindings.createBooleanBinding(() -> changed.get() && unavailable.get().isEmpty() && !saving.get(),
                changed, unavailable, saving);
    }

    /** Shows the study's spec; a study this page cannot edit shows why instead. */
    void show(StudyFolder study) {
        folder = study;
        message.set("");
        unavailable.set(study.readOnlyReason()
                .map(reason -> "Read-only here: " + clause(reason))
                .orElse(""));
        load(study.spec());
    }

    /** No study, or one without a spec this page can edit. */
    void showNone(String why) {
        folder = null;
        message.set("");
        unavailable.set(why);
        loaded.set(Map.of());
    }

    private void load(StudySpec spec) {
        GatesSpec gates = spec.gates();
        ideaGate.set(gates.idea());
        patchGate.set(gates.patch());
        launchGate.set(gates.launch());
        llmUsd.show(boxed(spec.budget().llmUsd()));
        gpuHours.show(boxed(spec.budget().gpuHours()));
        epochs.textProperty().set(String.valueOf(spec.search().epochs()));
        ideasPerEpoch.textProperty().set(String.valueOf(spec.search().ideasPerEpoch()));
        concurrency.textProperty().set(String.valueOf(spec.search().concurrency()));
        image.set(spec.run().image().orElse(""));
        target.set(spec.run().target());
        loaded.set(values());
    }

    /** Puts the saved values back. */
    public void revert() {
        if (folder != null) {
            load(folder.spec());
            message.set("");
        }
    }

    /** The values that differ from the spec the form showed, as edits for groundwork.yaml. */
    List<SpecEdit> edits() {
        if (loaded.get().isEmpty()) {
            return List.of();
        }
        List<SpecEdit> edits = new ArrayList<>();
        values().forEach((path, value) -> {
            if (!value.equals(loaded.get().get(path))) {
                edits.add(new SpecEdit(path, value));
            }
        });
        return edits;
    }

    /** Writes the changed values to groundwork.yaml in the background; the loader may still refuse them. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        StudyFolder study = folder;
        List<SpecEdit> edits = edits();
        saving.set(true);
        message.set("");
        tasks.submit("Saving " + study.name() + "'s settings", progress -> study.editSpec(edits), spec -> {
            saving.set(false);
            if (folder == study) {
                load(spec);
                say("Saved to groundwork.yaml; the loop uses these values from its next start.", false);
            }
            saved.accept(spec);
        }, failure -> {
            saving.set(false);
            if (folder == study) {
                say(sentence(failure), true);
            }
        });
    }

    static String sentence(Exception failure) {
        return switch (failure) {
            case SpecException spec -> "Not saved: the spec would not load. " + spec.getMessage();
            case IllegalStateException readOnly -> "Not saved: " + clause(readOnly.getMessage());
            case IOException io -> "Not saved: groundwork.yaml could not be written (" + io.getMessage()
                    + "); check that the study folder is writable.";
            default -> "Not saved: " + failure.getMessage();
        };
    }

    private Map<String, Optional<String>> values() {
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        values.put("gates.idea", Optional.of(wire(ideaGate.get())));
        values.put("gates.patch", Optional.of(wire(patchGate.get())));
        values.put("gates.launch", Optional.of(wire(launchGate.get())));
        numbers().forEach((path, field) -> values.put(path, field.isValid() ? field.yamlValue() : Optional.of("?")));
        values.put("run.target", Optional.of(target.get().name().toLowerCase(Locale.ROOT)));
        return values;
    }

    private Map<String, NumberField> numbers() {
        Map<String, NumberField> numbers = new LinkedHashMap<>();
        numbers.put("budget.llm_usd", llmUsd);
        numbers.put("budget.gpu_hours", gpuHours);
        numbers.put("search.epochs", epochs);
        numbers.put("search.ideas_per_epoch", ideasPerEpoch);
        numbers.put("search.concurrency", concurrency);
        return numbers;
    }

    private void say(String text, boolean error) {
        messageIsError.set(error);
        message.set(text);
    }

    private static String wire(Gate gate) {
        return gate.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<Double> boxed(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    /** A read-only reason ("another Groundwork … has it open") as the end of a sentence. */
    private static String clause(String reason) {
        String text = reason == null ? "" : reason.strip();
        text = text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    public ObjectProperty<Gate> ideaGateProperty() {
        return ideaGate;
    }

    public ObjectProperty<Gate> patchGateProperty() {
        return patchGate;
    }

    public ObjectProperty<Gate> launchGateProperty() {
        return launchGate;
    }

    public NumberField llmUsd() {
        return llmUsd;
    }

    public NumberField gpuHours() {
        return gpuHours;
    }

    public NumberField epochs() {
        return epochs;
    }

    public NumberField ideasPerEpoch() {
        return ideasPerEpoch;
    }

    public NumberField concurrency() {
        return concurrency;
    }

    /** Where the study's runs go: this machine's processes or the Docker hosts of the settings. */
    public ObjectProperty<RunSpec.Target> targetProperty() {
        return target;
    }

    /** Where the chosen target runs, or why it cannot (Docker without run.image). */
    public StringBinding targetNoteProperty() {
        return targetNote;
    }

    public BooleanBinding targetInvalidProperty() {
        return targetInvalid;
    }

    /** Why the form cannot be changed here (no study, read-only); empty when it can. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /** The outcome of the last save: where it went, or the loader's refusal. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    /** Every number is one the spec accepts. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** Valid, and differs from what groundwork.yaml holds. */
    public BooleanBinding changedProperty() {
        return changed;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }
}
