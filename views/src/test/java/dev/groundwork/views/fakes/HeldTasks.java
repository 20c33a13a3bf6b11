package dev.groundwork.views.fakes;

import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Scheduled;
import dev.groundwork.views.common.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * A task executor that holds every task until the test runs it, in the order the test picks (task threads may finish
 * them in any), then runs it on the test's thread.
 */
public final class HeldTasks implements TaskExecutor {

    private record Held(String name, Runnable run) {}

    private final SameThreadTaskExecutor runner = new SameThreadTaskExecutor();
    private final List<Held> held = new ArrayList<>();

    @Override
    public <T> BackgroundTask submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        held.add(new Held(name, () -> runner.submit(name, work, onSuccess, onFailure)));
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
    public List<String> held() {
        return held.stream().map(Held::name).toList();
    }

    /** Runs the held tasks (and any they submit) oldest first, until none is left. */
    public void runAll() {
        while (!held.isEmpty()) {
            held.removeFirst().run().run();
        }
    }

    /** Runs the held tasks newest first, as task threads may finish them, until none is left. */
    public void runNewestFirst() {
        while (!held.isEmpty()) {
            held.removeLast().run().run();
        }
    }
}
