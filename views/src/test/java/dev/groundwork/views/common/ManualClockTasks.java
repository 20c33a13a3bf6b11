package dev.groundwork.views.common;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/** Background work as the given executor does it, with the scheduled repeats on a clock that only the test moves. */
public final class ManualClockTasks implements TaskExecutor {

    private final TaskExecutor work;
    private final SameThreadTaskExecutor clock = new SameThreadTaskExecutor();

    public ManualClockTasks(TaskExecutor work) {
        this.work = work;
    }

    @Override
    public <T> BackgroundTask submit(String name, Work<T> task, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        return work.submit(name, task, onSuccess, onFailure);
    }

    @Override
    public Scheduled schedule(Duration delay, Duration period, Runnable action) {
        return clock.schedule(delay, period, action);
    }

    @Override
    public ObservableList<BackgroundTask> tasks() {
        return work.tasks();
    }

    /** Moves the repeats' clock on, running those that fall due on the test's thread. */
    public void advance(Duration time) {
        clock.advance(time);
    }

    /** Repeats scheduled and not cancelled. */
    public int scheduled() {
        return clock.scheduled();
    }
}
