package dev.groundwork.views.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * Runs work and delivers its outcome at once on the calling thread, so view-model tests need no toolkit and no waiting.
 * Its clock stands still: scheduled repeats run only when a test {@link #advance advances} it.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {

    private final TaskTracker tracker = new TaskTracker(Runnable::run);
    private final List<Timed> timed = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public <T> BackgroundTask submit(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        return tracker.submit(Runnable::run, name, work, onSuccess, onFailure);
    }

    @Override
    public <T> void compute(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        tracker.compute(Runnable::run, work, onSuccess, onFailure);
    }

    @Override
    public Scheduled schedule(Duration delay, Duration period, Runnable action) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A repeat needs a period longer than zero, not " + period);
        }
        Timed entry = new Timed(new Repeat(action), period, now.plus(delay));
        timed.add(entry);
        entry.repeat.onCancel(() -> timed.remove(entry));
        return entry.repeat;
    }

    @Override
    public ObservableList<BackgroundTask> tasks() {
        return tracker.tasks();
    }

    /** Moves the clock on by {@code time}, running every repeat that falls due on the way, in time order. */
    public void advance(Duration time) {
        Duration until = now.plus(time);
        while (true) {
            Timed next = timed.stream().min(Comparator.comparing(Timed::due)).orElse(null);
            if (next == null || next.due.compareTo(until) > 0) {
                break;
            }
            now = next.due;
            next.due = next.due.plus(next.period);
            next.repeat.run();
        }
        now = until;
    }

    /** How many repeats are scheduled and not cancelled: none once a page or window stopped its polling. */
    public int scheduled() {
        return timed.size();
    }

    private static final class Timed {
        private final Repeat repeat;
        private final Duration period;
        private Duration due;

        Timed(Repeat repeat, Duration period, Duration due) {
            this.repeat = repeat;
            this.period = period;
            this.due = due;
        }

        Duration due() {
            return due;
        }
    }
}
