package dev.groundwork.views.newstudy;

import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.TaskExecutor;
import java.util.function.Consumer;

/**
 * Background checks made as the researcher types: only the latest one's outcome is delivered, so a slow answer to an
 * older text never overwrites a newer one.
 */
final class LatestWork {

    private final TaskExecutor tasks;
    private long generation;
    private BackgroundTask running;

    LatestWork(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    <T> void submit(String name, TaskExecutor.Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        forget();
        long mine = generation;
        running = tasks.submit(name, work, result -> {
            if (mine == generation) {
                onSuccess.accept(result);
            }
        }, failure -> {
            if (mine == generation) {
                onFailure.accept(failure);
            }
        });
    }

    /** Drops the outcome of whatever is still under way, and stops it. */
    void forget() {
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
    }
}
