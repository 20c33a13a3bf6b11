package dev.groundwork.views.review;

import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Scheduled;
import dev.groundwork.views.common.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/** A task executor that holds every task until the test runs it, then runs it on the test's thread. */
final class HeldTasks implements TaskExecutor {

    private final SameThreadTaskExecutor runner = new SameThreadTaskExecutor();
    private final Map<String, Runnable> held = new LinkedHashMap<>();

    @Override
    public <T> BackgroundTask submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        held.put(name, () -> runner.submit(name, work, onSuccess, onFailure));
        return runner.submit(name + " (held)", progress -> null, nothing -> {}, failure -> {});
    }

    @Override
    public Scheduled schedule(Duration delay, Duration period, Runnable action) {
        return runner.schedule(delay, period, action);
    }

    @Override
    public ObservableList<BackgroundTask> tasks() {
        return runner.tasks();
    }

    /** The names of the tasks not run yet, oldest first. */
    List<String> held() {
        return List.copyOf(held.keySet());
    }

    /** Runs the held tasks (and any they submit) until none is left. */
    void runAll() {
        while (!held.isEmpty()) {
            for (String name : new ArrayList<>(held.keySet())) {
                held.remove(name).run();
            }
        }
    }
}
