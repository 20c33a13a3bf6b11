package dev.groundwork.views.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/** The app's executor: each task on its own virtual thread, outcomes handed to the UI thread. Close it on exit. */
public final class BackgroundTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("groundwork-task-", 0).factory());
    private final TaskTracker tracker;

    /** @param ui usually {@link FxUiThread} */
    public BackgroundTaskExecutor(UiThread ui) {
        this.tracker = new TaskTracker(ui);
    }

    @Override
    public <T> BackgroundTask submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        return tracker.submit(threads, name, work, onSuccess, onFailure);
    }

    @Override
    public ObservableList<BackgroundTask> tasks() {
        return tracker.tasks();
    }

    /** Cancels what is still running; call on the UI thread. */
    @Override
    public void close() {
        tracker.cancelAll();
        threads.shutdownNow();
    }
}
