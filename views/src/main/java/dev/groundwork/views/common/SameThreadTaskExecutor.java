package dev.groundwork.views.common;

import java.util.function.Consumer;
import javafx.collections.ObservableList;

/** Runs work and delivers its outcome at once on the calling thread, so view-model tests need no toolkit and no waiting. */
public final class SameThreadTaskExecutor implements TaskExecutor {

    private final TaskTracker tracker = new TaskTracker(Runnable::run);

    @Override
    public <T> BackgroundTask submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        return tracker.submit(Runnable::run, name, work, onSuccess, onFailure);
    }

    @Override
    public ObservableList<BackgroundTask> tasks() {
        return tracker.tasks();
    }
}
