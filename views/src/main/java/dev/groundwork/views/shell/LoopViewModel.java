package dev.groundwork.views.shell;

import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.TaskExecutor;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Start and stop the research loop from the window. The loop runs as a background task (shown in the status bar); when
 * it returns — done, waiting for review, out of budget, stopped — its sentence is shown and the pages re-read the study.
 */
public final class LoopViewModel {

    private final ObservableValue<? extends Study> study;
    private final TaskExecutor tasks;
    private final Function<Study, Optional<LoopRunner>> runners;
    private final Runnable refresh;
    private final Runnable waitsForReview;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canStart;
    private LoopRunner current;

    /**
     * @param refresh        re-reads the study's status, so that every page shows what the loop did
     * @param waitsForReview called when the loop stopped at a manual gate (the window then shows the Review page)
     */
    public LoopViewModel(ObservableValue<? extends Study> study, TaskExecutor tasks,
                         Function<Study, Optional<LoopRunner>> runners, Runnable refresh, Runnable waitsForReview) {
        this.waitsForReview = waitsForReview;
        this.study = study;
        this.tasks = tasks;
        this.runners = runners;
        this.refresh = refresh;
        this.canStart = Bindings.createBooleanBinding(() -> !running.get() && study.getValue() != null
                && !study.getValue().readOnly() && runners.apply(study.getValue()).isPresent(), running, study);
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        LoopRunner runner = runners.apply(study.getValue()).orElseThrow();
        current = runner;
        running.set(true);
        message.set("The research loop is running…");
        tasks.submit("Research loop", progress -> runner.run(), this::finished,
                failure -> finished(new LoopRunner.Result("The loop failed: " + failure.getMessage(), false)));
    }

    public void stop() {
        if (current != null) {
            message.set("Stopping the loop: cancelling its runs and saving state…");
            current.stop();
        }
    }

    private void finished(LoopRunner.Result outcome) {
        current = null;
        message.set(outcome.message());
        refresh.run();
        if (outcome.waitsForReview()) {
            waitsForReview.run();
        }
        running.set(false); // last: whoever sees the loop stopped sees its sentence and the page it chose
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
