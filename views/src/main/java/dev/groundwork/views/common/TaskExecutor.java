package dev.groundwork.views.common;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * Runs blocking work (I/O, database, processes) off the UI thread and hands its outcome back on the UI thread.
 * Call {@link #submit} from the UI thread.
 */
public interface TaskExecutor {

    /**
     * Starts {@code work}; afterwards exactly one of {@code onSuccess} or {@code onFailure} runs on the UI thread,
     * or neither when the task was cancelled first. A result nobody receives because of a cancel is closed when it is
     * {@link AutoCloseable}, so that cancelling "open a study" cannot leak an open study.
     *
     * @param name what the status bar shows, e.g. "Opening charlm-demo"
     */
    <T> BackgroundTask submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /**
     * Like {@link #submit}, for short work the researcher did not ask for and would not cancel (the next frame of a
     * chart): it is not listed in {@link #tasks()}, so the status bar does not flash an entry for every frame. Its
     * outcome is dropped once the executor closes.
     */
    default <T> void compute(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        submit("Computing", work, onSuccess, onFailure);
    }

    /**
     * Runs {@code action} on the UI thread after {@code delay}, then every {@code period}, until the returned handle is
     * cancelled or the executor closes: the cadence of a page's polls lives in its view model, not in a view's timer.
     * Call from the UI thread.
     */
    Scheduled schedule(Duration delay, Duration period, Runnable action);

    /** Tasks that have not finished, oldest first; changes only on the UI thread. */
    ObservableList<BackgroundTask> tasks();

    /** Blocking work. */
    @FunctionalInterface
    interface Work<T> {
        T call(TaskProgress progress) throws Exception;
    }
}
