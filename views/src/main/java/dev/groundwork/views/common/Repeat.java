package dev.groundwork.views.common;

import java.util.concurrent.atomic.AtomicBoolean;

/** A scheduled action as both executors hold it: it runs only while not cancelled, and at most one run waits at a time. */
final class Repeat implements Scheduled {

    private final Runnable action;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** A run handed to the UI thread and not run yet: a busy UI thread gets one, not a pile of them. */
    private final AtomicBoolean waiting = new AtomicBoolean();
    private volatile Runnable onCancel = () -> {};

    Repeat(Runnable action) {
        this.action = action;
    }

    /** Hands one run to the UI thread unless one already waits there. */
    void post(UiThread ui) {
        if (!cancelled.get() && waiting.compareAndSet(false, true)) {
            ui.post(this::run);
        }
    }

    /** Runs the action on this thread, unless the repeat was cancelled meanwhile. */
    void run() {
        waiting.set(false);
        if (!cancelled.get()) {
            action.run();
        }
    }

    void onCancel(Runnable stop) {
        this.onCancel = stop;
    }

    @Override
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.run();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
