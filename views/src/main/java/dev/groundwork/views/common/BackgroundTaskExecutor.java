package dev.groundwork.views.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * The app's executor: each task on its own virtual thread, outcomes handed to the UI thread, and one timer thread for
 * the scheduled repeats (each run handed to the UI thread). Close it on exit.
 */
public final class BackgroundTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("groundwork-task-", 0).factory());
    // Its thread starts with the first repeat, so a window that schedules nothing has none.
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("groundwork-timer-", 0).factory());
    private final UiThread ui;
    private final TaskTracker tracker;

    /** @param ui usually {@link FxUiThread} */
    public BackgroundTaskExecutor(UiThread ui) {
        this.ui = ui;
        this.tracker = new TaskTracker(ui);
    }

    @Override
    public <T> BackgroundTask submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        return tracker.submit(threads, name, work, onSuccess, onFailure);
    }

    @Override
    public <T> void compute(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        tracker.compute(threads, work, onSuccess, onFailure);
    }

    @Override
    public Scheduled schedule(Duration delay, Duration period, Runnable action) {
        Repeat repeat = new Repeat(action);
        ScheduledFuture<?> timed = timer.scheduleAtFixedRate(() -> repeat.post(ui), delay.toNanos(), period.toNanos(),
                TimeUnit.NANOSECONDS);
        repeat.onCancel(() -> timed.cancel(false));
        return repeat;
    }

    @Override
    public ObservableList<BackgroundTask> tasks() {
        return tracker.tasks();
    }

    /** Cancels what is still running and every repeat; call on the UI thread. */
    @Override
    public void close() {
        tracker.cancelAll();
        threads.shutdownNow();
        timer.shutdownNow();
    }
}
