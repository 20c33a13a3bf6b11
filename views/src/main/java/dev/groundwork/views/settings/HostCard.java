package dev.groundwork.views.settings;

import dev.groundwork.views.common.TaskExecutor;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One host's card: what it is, a test that asks it whether it can take runs (in the background: a Docker host may be a
 * server far away), and for a Docker host drain / open and remove, the remove only after the researcher confirms it.
 * The card lives as long as its host is listed, so a test's outcome stays while the hosts are read again.
 */
public final class HostCard {

    private final ExecutionHosts hosts;
    private final TaskExecutor tasks;
    private final Runnable changed;
    private final Consumer<String> removed;
    private final ReadOnlyObjectWrapper<HostRow> row;
    private final ObservableList<String> facts = FXCollections.observableArrayList();
    private final ObservableList<String> factsShown = FXCollections.unmodifiableObservableList(facts);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper confirmingRemove = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canChange;

    /**
     * @param changed reads the hosts again after a drain or an open
     * @param removed says that the host is gone (its card goes with it) and reads the hosts again
     */
    HostCard(HostRow initial, ExecutionHosts hosts, TaskExecutor tasks, Runnable changed, Consumer<String> removed) {
        this.hosts = hosts;
        this.tasks = tasks;
        this.changed = changed;
        this.removed = removed;
        this.row = new ReadOnlyObjectWrapper<>(initial);
        canChange = Bindings.createBooleanBinding(() -> row.get().docker() && hosts.editable() && !changing.get(),
                row, changing);
    }

    /** The host as the hosts were read last. */
    void show(HostRow now) {
        row.set(now);
    }

    public String name() {
        return row.get().name();
    }

    /** Asks the host whether it can take runs; its facts and a sentence show when it answers. */
    public void test() {
        if (testing.get()) {
            return;
        }
        String name = name();
        testing.set(true);
        facts.clear();
        say("Asking " + name + "…", false);
        tasks.submit("Testing host " + name, progress -> hosts.test(name), check -> {
            testing.set(false);
            facts.setAll(check.facts());
            say(check.sentence(), !check.ok());
        }, failure -> {
            testing.set(false);
            say("The test could not run: " + failure.getMessage(), true);
        });
    }

    /** Drains a host that takes runs, or opens a draining one again. */
    public void toggleDrain() {
        if (!canChange.get()) {
            return;
        }
        boolean drain = !row.get().draining();
        String name = name();
        String done = drain ? name + " is draining: its runs finish and no new one starts there."
                : name + " takes new runs again.";
        change(drain ? "Draining " + name : "Opening " + name, () -> hosts.drain(name, drain), () -> {
            say(done, false);
            changed.run();
        });
    }

    /** Asks for a confirmation before {@link #confirmRemove()}. */
    public void requestRemove() {
        if (canChange.get()) {
            confirmingRemove.set(true);
        }
    }

    public void cancelRemove() {
        confirmingRemove.set(false);
    }

    /** Forgets the host; the page reads the hosts again and its card goes. */
    public void confirmRemove() {
        if (!confirmingRemove.get() || !canChange.get()) {
            return;
        }
        confirmingRemove.set(false);
        String name = name();
        change("Removing " + name, () -> hosts.remove(name),
                () -> removed.accept("Removed " + name + "; its containers and images are left as they are."));
    }

    private void change(String task, Runnable call, Runnable done) {
        changing.set(true);
        tasks.submit(task, progress -> {
            call.run();
            return task;
        }, ignored -> {
            changing.set(false);
            facts.clear();
            done.run();
        }, failure -> {
            changing.set(false);
            say(failure.getMessage(), true);
        });
    }

    private void say(String text, boolean error) {
        messageIsError.set(error);
        message.set(Objects.requireNonNullElse(text, ""));
    }

    public ReadOnlyObjectProperty<HostRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** What the last test learned, one line each. */
    public ObservableList<String> facts() {
        return factsShown;
    }

    /** The last test's or change's sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** Whether the remove waits for the researcher's yes. */
    public ReadOnlyBooleanProperty confirmingRemoveProperty() {
        return confirmingRemove.getReadOnlyProperty();
    }

    /** Whether drain / open and remove can be asked for now (a Docker host, nothing under way). */
    public BooleanBinding canChangeProperty() {
        return canChange;
    }
}
