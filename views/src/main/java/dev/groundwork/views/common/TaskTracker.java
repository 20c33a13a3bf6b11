package dev.groundwork.views.common;

import dev.groundwork.views.common.TaskExecutor.Work;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The protocol both executors share: list the task, run it where told, deliver its outcome on the UI thread. */
final class TaskTracker {

    private static final Logger LOG = LoggerFactory.getLogger(TaskTracker.class);

    private final UiThread ui;
    private final ObservableList<BackgroundTask> tasks = FXCollections.observableArrayList();
    private final ObservableList<BackgroundTask> readOnlyTasks = FXCollections.unmodifiableObservableList(tasks);
    private volatile boolean closed;

    /** What unlisted work sees of its progress: nobody shows it, and only closing the executor stops it. */
    private static final TaskProgress UNLISTED = new TaskProgress() {
        @Override
        public void update(double fraction) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    TaskTracker(UiThread ui) {
        this.ui = ui;
    }

    ObservableList<BackgroundTask> tasks() {
        return readOnlyTasks;
    }

    <T> BackgroundTask submit(
            Executor where, String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        BackgroundTask task = new BackgroundTask(name, ui, tasks::remove);
        tasks.add(task);
        where.execute(() -> run(task, work, onSuccess, onFailure));
        return task;
    }

    /** Runs {@code work} where told without listing it; its outcome is dropped once {@link #cancelAll} was called. */
    <T> void compute(Executor where, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        where.execute(() -> {
            Runnable outcome;
            try {
                T value = work.call(UNLISTED);
                outcome = () -> onSuccess.accept(value);
            } catch (Exception e) {
                outcome = () -> onFailure.accept(e);
            }
            Runnable delivered = outcome;
            ui.post(() -> {
                if (!closed) {
                    delivered.run();
                }
            });
        });
    }

    private <T> void run(BackgroundTask task, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        if (task.isCancelled()) {
            return;
        }
        task.attach(Thread.currentThread());
        Runnable outcome = () -> {};
        Object result = null;
        try {
            T value = work.call(task);
            result = value;
            outcome = () -> onSuccess.accept(value);
        } catch (Exception e) {
            outcome = () -> onFailure.accept(e);
        } finally {
            // Also after an Error, so that the status bar does not list a dead task forever.
            task.detach();
            deliver(task, outcome, result);
        }
    }

    private void deliver(BackgroundTask task, Runnable outcome, Object result) {
        ui.post(() -> {
            if (task.isCancelled()) {
                closeUnwanted(task, result);
                return;
            }
            tasks.remove(task);
            outcome.run();
        });
    }

    private static void closeUnwanted(BackgroundTask task, Object result) {
        if (result instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Could not close the result of the cancelled task '{}'", task.name(), e);
            }
        }
    }

    void cancelAll() {
        closed = true;
        for (BackgroundTask task : tasks.toArray(BackgroundTask[]::new)) {
            task.cancel();
        }
    }
}
