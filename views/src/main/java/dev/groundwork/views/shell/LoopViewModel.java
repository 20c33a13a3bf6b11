package dev.groundwork.views.shell;

import dev.groundwork.model.search.EpochProgress;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.Scheduled;
import dev.groundwork.views.common.TaskExecutor;
import dev.groundwork.views.common.TaskProgress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Start, pause and stop the research loop from the window. The loop runs as a background task: the status bar shows its
 * epoch, stage and best reward as it goes (cancelling the task there stops the loop cleanly), the pages re-read the
 * study every few seconds while it runs, and when it returns its sentence is shown — with a notice when patches or ideas
 * wait for review.
 */
public final class LoopViewModel {

    /** What the loop is doing. */
    public enum State { IDLE, RUNNING, PAUSING, STOPPING }

    /** Something the window should tell the researcher even if they are looking elsewhere. */
    public record Notice(String title, String text) {}

    /** How often {@link #tick()} runs while the loop runs. */
    public static final Duration TICK = Duration.ofSeconds(2);
    private static final long REFRESH_EVERY_NANOS = TICK.toNanos();

    private final ObservableValue<? extends Study> study;
    private final TaskExecutor tasks;
    private final Function<Study, Optional<LoopRunner>> runners;
    private final Runnable refresh;
    private final Runnable waitsForReview;
    private final LongSupplier nanoTime;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canStart;
    private LoopRunner current;
    private long lastRefresh;
    private Scheduled ticking;

    /**
     * @param refresh        re-reads the study's status, so that every page shows what the loop did
     * @param waitsForReview called when the loop stopped at a manual gate (the window then shows the Review page)
     */
    public LoopViewModel(ObservableValue<? extends Study> study, TaskExecutor tasks,
                         Function<Study, Optional<LoopRunner>> runners, Runnable refresh, Runnable waitsForReview) {
        this(study, tasks, runners, refresh, waitsForReview, System::nanoTime);
    }

    LoopViewModel(ObservableValue<? extends Study> study, TaskExecutor tasks, Function<Study, Optional<LoopRunner>> runners,
                  Runnable refresh, Runnable waitsForReview, LongSupplier nanoTime) {
        this.waitsForReview = waitsForReview;
        this.study = study;
        this.tasks = tasks;
        this.runners = runners;
        this.refresh = refresh;
        this.nanoTime = nanoTime;
        this.canStart = Bindings.createBooleanBinding(() -> !running.get() && study.getValue() != null
                && !study.getValue().readOnly() && runners.apply(study.getValue()).isPresent(), running, study);
        state.addListener((o, old, now) -> running.set(now != State.IDLE));
        running.addListener((o, was, now) -> {
            if (now) {
                ticking = tasks.schedule(TICK, TICK, this::tick);
            } else {
                stopTicking();
            }
        });
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        LoopRunner runner = runners.apply(study.getValue()).orElseThrow();
        current = runner;
        state.set(State.RUNNING);
        message.set("The research loop is running…");
        lastRefresh = nanoTime.getAsLong();
        BackgroundTask task = tasks.submit("Research loop", progress -> runner.run(events(progress)), this::finished,
                failure -> finished(new LoopOutcome(LoopOutcome.Kind.BLOCKED, "The loop failed: " + failure.getMessage())));
        if (current == runner) { // still running (a same-thread executor has finished it already)
            task.stopsWith(this::stop);
            task.messageProperty().addListener((o, old, text) -> progressed(runner, text));
        }
    }

    /** Lets the running runs finish, starts nothing new, then returns; run again to continue. */
    public void pause() {
        if (current != null && state.get() == State.RUNNING) {
            state.set(State.PAUSING);
            message.set("Pausing: the running runs finish, nothing new starts…");
            current.pause();
        }
    }

    public void stop() {
        if (current != null && state.get() != State.STOPPING) {
            state.set(State.STOPPING);
            message.set("Stopping the loop: cancelling its runs and saving state…");
            current.stop();
        }
    }

    /**
     * Stops a running loop and waits, at most {@code timeout}, for it to record its runs as interrupted: the window is
     * closing and the study with it. A loop that takes longer leaves them for the next start to find and rerun.
     */
    public void stopAndWait(java.time.Duration timeout) {
        LoopRunner runner = current;
        if (runner == null) {
            return;
        }
        stop();
        try {
            runner.awaitReturn(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopTicking(); // the window closes: its outcome may never be delivered, so no tick may wait for it
        }
    }

    /** Whether {@link #tick()} runs every {@link #TICK} now (while the loop runs and the window is open). */
    public boolean ticking() {
        return ticking != null;
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.cancel();
            ticking = null;
        }
    }

    private LoopEvents events(TaskProgress progress) {
        return new LoopEvents() {
            @Override
            public void progress(EpochProgress now) {
                progress.update(LoopProgressText.fraction(now));
                progress.describe(LoopProgressText.describe(now));
            }

            @Override
            public void note(String sentence) {
                progress.describe(sentence);
            }
        };
    }

    /**
     * Re-reads the study if the loop runs and it was last re-read two seconds ago or more; it runs every {@link #TICK}
     * while the loop runs. The loop says nothing while its runs run (minutes), and what a quick burst of its messages
     * changed is not re-read after the burst: without this the pages' numbers and badges would wait for its next message.
     */
    public void tick() {
        if (current == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastRefresh >= REFRESH_EVERY_NANOS) {
            lastRefresh = now;
            refresh.run();
        }
    }

    /** On the UI thread: show what the loop says, and re-read the study now and then so that the pages keep up. */
    private void progressed(LoopRunner runner, String text) {
        if (current != runner || state.get() != State.RUNNING || text.isEmpty()) {
            return;
        }
        message.set(text);
        long now = nanoTime.getAsLong();
        if (now - lastRefresh >= REFRESH_EVERY_NANOS) {
            lastRefresh = now;
            refresh.run();
        }
    }

    private void finished(LoopOutcome outcome) {
        current = null;
        message.set(outcome.message());
        refresh.run();
        if (outcome.kind() == LoopOutcome.Kind.WAITING_FOR_REVIEW) {
            notice.set(new Notice("Waiting for review", outcome.message()));
            waitsForReview.run();
        } else if (outcome.kind() != LoopOutcome.Kind.STOPPED && outcome.kind() != LoopOutcome.Kind.PAUSED) {
            notice.set(new Notice(outcome.kind() == LoopOutcome.Kind.COMPLETED ? "The loop is done" : "The loop stopped",
                    outcome.message()));
        }
        state.set(State.IDLE); // last: whoever waits for the loop to end sees everything it did
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** The loop's latest progress while it runs, then the sentence it ended with. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The latest notice (waiting for review, done, blocked); the window shows each new one as a notification. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
