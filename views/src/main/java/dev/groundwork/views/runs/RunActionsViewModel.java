package dev.groundwork.views.runs;

import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.TaskExecutor;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Cancel, retry and run again for the selected run. Each goes to the study's {@link RunControl} off the UI thread; its
 * sentence (or the refusal's) shows in {@link #messageProperty()}, and the runs are read again (a new run is selected).
 */
public final class RunActionsViewModel {

    private static final Set<RunStatus> CANCELLABLE = EnumSet.of(RunStatus.QUEUED, RunStatus.STARTING, RunStatus.RUNNING);
    private static final Set<RunStatus> RETRYABLE = EnumSet.of(RunStatus.FAILED, RunStatus.TIMED_OUT, RunStatus.CANCELLED,
            RunStatus.LOST);

    private final ObservableValue<? extends Study> study;
    private final RunsMonitorViewModel monitor;
    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding available;
    private final BooleanBinding canCancel;
    private final BooleanBinding canRetry;
    private final BooleanBinding canRunAgain;

    public RunActionsViewModel(ObservableValue<? extends Study> study, RunsMonitorViewModel monitor, TaskExecutor tasks) {
        this.study = study;
        this.monitor = monitor;
        this.tasks = tasks;
        available = Bindings.createBooleanBinding(() -> monitor.controlProperty().get().isPresent(),
                monitor.controlProperty());
        canCancel = allowed(CANCELLABLE);
        // A repeat's patch succeeded already: another run of it is a repeat (Run again on that run), not a retry.
        BooleanBinding retryable = allowed(RETRYABLE);
        canRetry = Bindings.createBooleanBinding(() -> retryable.get()
                && monitor.selectedProperty().get().repeatOf() == null, retryable, monitor.selectedProperty());
        canRunAgain = allowed(EnumSet.of(RunStatus.SUCCEEDED));
        study.addListener(o -> message.set(""));
    }

    private BooleanBinding allowed(Set<RunStatus> statuses) {
        return Bindings.createBooleanBinding(() -> {
            RunMonitor.Row row = monitor.selectedProperty().get();
            Study current = study.getValue();
            return row != null && !busy.get() && available.get() && current != null && !current.readOnly()
                    && statuses.contains(row.run().status());
        }, monitor.selectedProperty(), busy, available, study);
    }

    /** Cancels the selected queued or running run. */
    public void cancel() {
        if (canCancel.get()) {
            long id = selectedId();
            act("Cancelling run " + id, control -> control.cancel(id), sentence -> {
                message.set(sentence);
                monitor.refresh();
            });
        }
    }

    /** Queues one more run of the selected failed, timed-out, cancelled or lost run's patch, and selects it. */
    public void retry() {
        if (canRetry.get()) {
            long id = selectedId();
            act("Retrying run " + id, control -> control.retry(id), run -> queued(run,
                    "Run " + run.id() + " is queued: a retry of run " + id + "."));
        }
    }

    /** Queues a repeat of the selected succeeded run, and selects it. */
    public void runAgain() {
        if (canRunAgain.get()) {
            long id = selectedId();
            act("Repeating run " + id, control -> control.runAgain(id), run -> queued(run,
                    "Run " + run.id() + " is queued: a repeat of run " + id + " to measure noise; its reward shows beside"
                            + " the first and does not count."));
        }
    }

    private void queued(Run run, String sentence) {
        message.set(sentence);
        monitor.selectWhenRead(run.id());
    }

    private <T> void act(String name, Action<T> action, Consumer<T> done) {
        Optional<RunControl> control = monitor.controlProperty().get();
        if (control.isEmpty()) {
            return;
        }
        busy.set(true);
        message.set("");
        tasks.submit(name, progress -> action.apply(control.get()), result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            message.set(failure.getMessage());
            monitor.refresh();
        });
    }

    private long selectedId() {
        return monitor.selectedProperty().get().run().id();
    }

    @FunctionalInterface
    private interface Action<T> {
        T apply(RunControl control);
    }

    /** Whether the study offers run control at all (the buttons show only then). */
    public BooleanBinding availableProperty() {
        return available;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    public BooleanBinding canRetryProperty() {
        return canRetry;
    }

    public BooleanBinding canRunAgainProperty() {
        return canRunAgain;
    }

    /** Whether an action is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
