package dev.groundwork.views.shell;

import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOutcome;

/**
 * Runs the study's research loop in this process (the window holds the study's lock, so the loop must run here).
 * {@link #run} blocks until the loop returns: every epoch done, a gate waiting for review, a budget spent, paused or stopped.
 */
public interface LoopRunner {

    /** Runs the loop with the spec's settings, telling {@code events} how it goes (from the loop's threads). */
    LoopOutcome run(LoopEvents events) throws Exception;

    /** Asks a running loop to pause: running runs finish, nothing new starts, and {@link #run} returns. */
    void pause();

    /** Asks a running loop to stop; it kills its runs, records them as interrupted and returns. */
    void stop();

    /** Waits until a running loop has returned, at most {@code timeout}; true when it has (or was not running). */
    default boolean awaitReturn(java.time.Duration timeout) throws InterruptedException {
        return true;
    }
}
