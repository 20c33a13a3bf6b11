package dev.groundwork.views.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/** One piece of background work as the status bar shows it: a name, its progress, and a way to cancel it. */
public final class BackgroundTask implements TaskProgress {

    /** The progress value for "unknown" (what {@code ProgressIndicator} draws as indeterminate). */
    public static final double UNKNOWN = -1;

    private final String name;
    private final UiThread ui;
    private final Consumer<BackgroundTask> onCancel;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(UNKNOWN);
    private final AtomicLong latest = new AtomicLong(Double.doubleToLongBits(UNKNOWN));
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicReference<String> latestMessage = new AtomicReference<>("");
    private final AtomicBoolean messagePending = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Thread worker;
    private Runnable stopper;

    BackgroundTask(String name, UiThread ui, Consumer<BackgroundTask> onCancel) {
        this.name = name;
        this.ui = ui;
        this.onCancel = onCancel;
    }

    public String name() {
        return name;
    }

    /** Fraction done, or {@link #UNKNOWN}; changes on the UI thread. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the work says it is doing now; empty until it says; changes on the UI thread. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Makes cancel ask the work to stop by calling {@code stop} instead of interrupting it; the work then returns on
     * its own and its outcome is delivered as usual. For work that must end cleanly (the research loop saves its state).
     * Call on the UI thread.
     */
    public void stopsWith(Runnable stop) {
        this.stopper = stop;
    }

    /** Stops delivering the task's outcome and interrupts its thread (or asks it to stop, see {@link #stopsWith}); call on the UI thread. */
    public void cancel() {
        if (stopper != null) {
            stopper.run();
            return;
        }
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (worker != null) {
                worker.interrupt();
            }
        }
        onCancel.accept(this);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void update(double fraction) {
        latest.set(Double.doubleToLongBits(fraction < 0 ? UNKNOWN : Math.min(fraction, 1)));
        // Work may report thousands of steps: post at most one update at a time and let it carry the latest value.
        if (updatePending.compareAndSet(false, true)) {
            ui.post(() -> {
                updatePending.set(false);
                progress.set(Double.longBitsToDouble(latest.get()));
            });
        }
    }

    @Override
    public void describe(String text) {
        latestMessage.set(text == null ? "" : text);
        if (messagePending.compareAndSet(false, true)) {
            ui.post(() -> {
                messagePending.set(false);
                message.set(latestMessage.get());
            });
        }
    }

    synchronized void attach(Thread thread) {
        worker = thread;
    }

    synchronized void detach() {
        worker = null;
        if (isCancelled()) {
            // The interrupt was meant for this task only; the thread may go on to other work (or be the UI thread).
            Thread.interrupted();
        }
    }
}
