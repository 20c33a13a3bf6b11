package dev.groundwork.views.ideas;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest.Mode;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.search.IdeaGeneration;
import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.TaskExecutor;
import dev.groundwork.views.common.TaskProgress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;

/**
 * Asking the study's ideator for ideas from the Ideas page: generate N (explore or exploit) or breed from the ideas the
 * researcher chose. One request at a time, in the background with progress; a cancel (here or in the status bar) keeps
 * the ideas stored before it, and the table is read again either way.
 */
public final class IdeaGenerationViewModel {

    /** Sends one request to the inbox. */
    @FunctionalInterface
    private interface Request {
        IdeaGeneration.Outcome send(IdeaInbox inbox, IdeaGeneration.Progress progress) throws Exception;
    }

    private final TaskExecutor tasks;
    private final Supplier<Optional<IdeaInbox>> inbox;
    private final ObservableValue<List<IdeaInbox.Row>> chosen;
    private final Consumer<String> say;
    private final Runnable refresh;
    private final IdeaCount generateCount = new IdeaCount(5);
    private final IdeaCount breedCount = new IdeaCount(3);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.EXPLORE);
    private final ReadOnlyObjectWrapper<IdeaInbox.Ideation> ideation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<BackgroundTask> task = new ReadOnlyObjectWrapper<>();
    /** The running request's progress, as its work sees it: how a cancel from the status bar is recognised. */
    private final AtomicReference<TaskProgress> working = new AtomicReference<>();
    /** Listens, while a request runs, for its task leaving the list cancelled (no outcome is delivered then). */
    private final ListChangeListener<BackgroundTask> cancelWatch = change -> {
        while (change.next()) {
            if (change.getRemoved().stream().anyMatch(gone -> gone == working.get() && gone.isCancelled())) {
                cancelled();
                return;
            }
        }
    };
    private final BooleanBinding canGenerate;
    private final BooleanBinding canBreed;
    private final StringBinding breedProblem;
    private final BooleanBinding exploitPossible;
    private final StringBinding ideatorText;
    private final StringBinding exploitText;
    private final StringBinding destinationText;
    private final StringBinding parentsText;
    private final StringBinding breedHint;

    /**
     * @param writable whether a writable study is open (re-evaluated when the study changes)
     * @param chosen   the ideas chosen in the table: the parents to breed from
     * @param say      shows a sentence on the page
     * @param refresh  reads the table again
     */
    public IdeaGenerationViewModel(TaskExecutor tasks, Supplier<Optional<IdeaInbox>> inbox, ObservableBooleanValue writable,
                            ObservableValue<List<IdeaInbox.Row>> chosen, Consumer<String> say, Runnable refresh) {
        this.tasks = tasks;
        this.inbox = inbox;
        this.chosen = chosen;
        this.say = say;
        this.refresh = refresh;
        canGenerate = Bindings.createBooleanBinding(() -> writable.get() && available() && !running.get(),
                writable, running);
        canBreed = Bindings.createBooleanBinding(() -> canGenerate.get() && !chosen.getValue().isEmpty(),
                canGenerate, chosen);
        breedProblem = Bindings.createStringBinding(() -> breedProblem(chosen.getValue()), chosen);
        exploitPossible = Bindings.createBooleanBinding(
                () -> ideation.get() != null && ideation.get().beatBaseline() > 0, ideation);
        ideatorText = Bindings.createStringBinding(() -> ideation.get() == null ? "…" : ideation.get().ideator(),
                ideation);
        exploitText = Bindings.createStringBinding(() -> exploitText(ideation.get()), ideation);
        destinationText = Bindings.createStringBinding(() -> destinationText(ideation.get()), ideation);
        parentsText = Bindings.createStringBinding(() -> parentsText(chosen.getValue()), chosen);
        breedHint = Bindings.createStringBinding(() -> breedHint(chosen.getValue()), chosen);
        exploitPossible.addListener((property, was, possible) -> {
            if (!possible) {
                mode.set(Mode.EXPLORE);
            }
        });
    }

    private boolean available() {
        return inbox.get().map(IdeaInbox::canGenerate).orElse(false);
    }

    /** Reads what the dialogs show: the ideator, the epoch, what exploit has to work with, the gate. */
    public void prepare() {
        Optional<IdeaInbox> current = inbox.get().filter(IdeaInbox::canGenerate);
        if (current.isEmpty()) {
            return;
        }
        tasks.submit("Reading the study's ideator", progress -> current.get().ideation(), ideation::set,
                failure -> say.accept("The ideator could not be read: " + failure.getMessage()));
    }

    /** Generates the number of ideas the form holds, in the mode chosen. */
    public void generate() {
        if (!generateCount.valid().get()) {
            say.accept(generateCount.errorProperty().get());
            return;
        }
        int count = generateCount.value();
        Mode chosenMode = mode.get();
        start("Generating " + count + " " + (chosenMode == Mode.EXPLORE ? "explore" : "exploit") + " idea"
                + (count == 1 ? "" : "s"), (inbox, progress) -> inbox.generate(count, chosenMode, progress), canGenerate);
    }

    /** Breeds the number of ideas the breed form holds from exactly the chosen ideas. */
    public void breed() {
        String problem = breedProblem.get();
        if (!problem.isEmpty() || !breedCount.valid().get()) {
            say.accept(problem.isEmpty() ? breedCount.errorProperty().get() : problem);
            return;
        }
        int count = breedCount.value();
        List<Long> parents = chosen.getValue().stream().map(row -> row.idea().id()).toList();
        start("Breeding " + count + " idea" + (count == 1 ? "" : "s") + " from " + ids(parents),
                (inbox, progress) -> inbox.breed(parents, count, progress), canBreed);
    }

    /** Cancels the running request; the ideas it stored stay. */
    public void cancel() {
        BackgroundTask running = task.get();
        if (running != null) {
            running.cancel();
        }
    }

    private void start(String name, Request request, BooleanBinding allowed) {
        Optional<IdeaInbox> current = inbox.get();
        if (!allowed.get() || current.isEmpty()) {
            return;
        }
        running.set(true);
        tasks.tasks().addListener(cancelWatch);
        BackgroundTask started = tasks.submit(name, progress -> {
            working.set(progress);
            return request.send(current.get(), new IdeaGeneration.Progress() {
                @Override
                public void stored(int done, int wanted) {
                    progress.update((double) done / wanted);
                }

                @Override
                public boolean cancelled() {
                    return progress.isCancelled();
                }
            });
        }, outcome -> {
            finished();
            say.accept(outcome.sentence());
        }, failure -> {
            finished();
            say.accept(sentence(failure));
        });
        if (running.get()) { // a same-thread executor has finished already
            task.set(started);
            // Each stored idea moves the progress (on the UI thread): show the ideas as they arrive, not only at the end.
            started.progressProperty().addListener((property, old, fraction) -> {
                if (task.get() == started && fraction.doubleValue() > 0) {
                    refresh.run();
                }
            });
        }
    }

    private void finished() {
        tasks.tasks().removeListener(cancelWatch);
        working.set(null);
        task.set(null);
        running.set(false);
        refresh.run();
    }

    private void cancelled() {
        finished();
        say.accept("Cancelled; the ideas stored before the cancel stay in the table.");
    }

    static String sentence(Exception failure) {
        if (failure instanceof AgentException) {
            return "The ideator gave no ideas: " + failure.getMessage();
        }
        if (failure instanceof IllegalArgumentException) {
            return failure.getMessage(); // a request that cannot go, said as what to do instead
        }
        return "No ideas were generated: " + failure.getMessage();
    }

    static String breedProblem(List<IdeaInbox.Row> parents) {
        if (parents.isEmpty()) {
            return "Choose the ideas to breed from in the table first (Ctrl+click or Shift+click for several).";
        }
        return parents.stream().filter(row -> row.bestReward() == null).findFirst()
                .map(row -> "Idea " + row.idea().id() + " \"" + row.idea().title() + "\" has no reward yet: breed from"
                        + " ideas whose runs have finished.")
                .orElse("");
    }

    private static String ids(List<Long> ids) {
        return String.join(", ", ids.stream().map(id -> "#" + id).toList());
    }

    /** "offline catalog", or "…" until {@link #prepare()} has read it. */
    public StringBinding ideatorTextProperty() {
        return ideatorText;
    }

    /** What the exploit choice would do, or why it cannot. */
    public StringBinding exploitTextProperty() {
        return exploitText;
    }

    /** Where new ideas go and what the idea gate does with them. */
    public StringBinding destinationTextProperty() {
        return destinationText;
    }

    /** The parents a breed would use, one line each: "#4  Cosine LR  ·  reward 0.4123". */
    public StringBinding parentsTextProperty() {
        return parentsText;
    }

    /** A hint on the parents chosen (one parent can only be refined); empty when there is none. */
    public StringBinding breedHintProperty() {
        return breedHint;
    }

    static String exploitText(IdeaInbox.Ideation read) {
        if (read == null || read.beatBaseline() == 0) {
            return "Exploit: nothing has beaten the baseline yet, so there is nothing to combine.";
        }
        return "Exploit: combine and refine the " + (read.beatBaseline() == 1 ? "idea" : read.beatBaseline() + " ideas")
                + " that beat the baseline.";
    }

    static String destinationText(IdeaInbox.Ideation read) {
        if (read == null) {
            return "";
        }
        String destination = "New ideas go to epoch " + read.epoch() + (read.autoGate()
                ? "; the study's idea gate is auto, so they are approved as they arrive."
                : " and wait at the idea gate for your approval.");
        return read.pastTheLastEpoch()
                ? destination + " The loop has run all " + read.epochs() + " epochs of search.epochs: its next run"
                        + " implements and runs the approved ones without proposing more (raise search.epochs in Settings"
                        + " to search further)."
                : destination;
    }

    static String parentsText(List<IdeaInbox.Row> parents) {
        return String.join("\n", parents.stream().map(row -> "#" + row.idea().id() + "  " + row.idea().title()
                + (row.bestReward() == null ? "  ·  no reward yet" : "  ·  reward " + IdeasInboxViewModel.reward(row)))
                .toList());
    }

    /** The offline catalog only combines; an LLM can also refine a single parent. */
    static String breedHint(List<IdeaInbox.Row> parents) {
        return parents.size() == 1 ? "One parent can only be refined: choose two or more to combine them (the offline"
                + " catalog only combines)." : "";
    }

    public IdeaCount generateCount() {
        return generateCount;
    }

    public IdeaCount breedCount() {
        return breedCount;
    }

    /** Explore (new directions) or exploit (combine the ideas that beat the baseline). */
    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** What {@link #prepare()} read; null before. */
    public ReadOnlyObjectProperty<IdeaInbox.Ideation> ideationProperty() {
        return ideation.getReadOnlyProperty();
    }

    /** Exploit has ideas to work with. */
    public BooleanBinding exploitPossibleProperty() {
        return exploitPossible;
    }

    /** A request is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The running request's task (its progress, its cancel); null when none runs. */
    public ReadOnlyObjectProperty<BackgroundTask> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** A writable study with an ideator is open and no request runs. */
    public BooleanBinding canGenerateProperty() {
        return canGenerate;
    }

    /** As {@link #canGenerateProperty()}, and some idea is chosen. */
    public BooleanBinding canBreedProperty() {
        return canBreed;
    }

    /** Why the chosen ideas cannot be bred from; empty when they can. */
    public StringBinding breedProblemProperty() {
        return breedProblem;
    }
}
