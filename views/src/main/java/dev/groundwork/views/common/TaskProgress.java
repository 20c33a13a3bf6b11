package dev.groundwork.views.common;

/** What background work sees of its task: report progress, notice a cancel. Safe to call from any thread. */
public interface TaskProgress {

    /** Fraction done in [0, 1]; a negative value means "unknown". */
    void update(double fraction);

    /** What the work is doing now, in a few words ("Epoch 1 (2 of 10) · runs 3 of 8 done"); the status bar shows it. */
    default void describe(String text) {}

    /** True once the user cancelled; long work should check it between steps (the thread is also interrupted). */
    boolean isCancelled();
}
