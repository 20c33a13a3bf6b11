package dev.groundwork.views.shell;

import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.Scheduled;
import dev.groundwork.views.common.TaskExecutor;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The tasks the status bar lists: those still running after a moment. A read that takes 30 ms (a node's diff, a page's
 * facts) would otherwise flash an entry with a progress bar, which costs the UI thread a layout each time and catches
 * the eye for nothing.
 */
final class ShownTasks {

    static final Duration GRACE = Duration.ofMillis(400);

    private final TaskExecutor executor;
    private final Set<BackgroundTask> due = new HashSet<>();
    private final Map<BackgroundTask, Scheduled> waiting = new HashMap<>();
    private final FilteredList<BackgroundTask> shown;

    ShownTasks(TaskExecutor executor) {
        this.executor = executor;
        ObservableList<BackgroundTask> all = executor.tasks();
        this.shown = new FilteredList<>(all, due::contains);
        all.forEach(this::hold);
        all.addListener((ListChangeListener<BackgroundTask>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::forget);
                change.getAddedSubList().forEach(this::hold);
            }
        });
    }

    /** The tasks running for longer than {@link #GRACE}, oldest first. */
    ObservableList<BackgroundTask> shown() {
        return shown;
    }

    private void hold(BackgroundTask task) {
        waiting.put(task, executor.schedule(GRACE, GRACE, () -> show(task)));
    }

    private void show(BackgroundTask task) {
        Scheduled timer = waiting.remove(task);
        if (timer != null) {
            timer.cancel();
            due.add(task);
            shown.setPredicate(due::contains); // a new predicate object, so the list filters again
        }
    }

    private void forget(BackgroundTask task) {
        Scheduled timer = waiting.remove(task);
        if (timer != null) {
            timer.cancel();
        }
        due.remove(task);
    }
}
