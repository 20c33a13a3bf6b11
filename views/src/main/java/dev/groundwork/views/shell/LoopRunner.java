package dev.groundwork.views.shell;

/**
 * Runs the study's research loop in this process (the window holds the study's lock, so the loop must run here).
 * {@link #run} blocks until the loop returns: every epoch done, a gate waiting for review, a budget spent, or stopped.
 */
public interface LoopRunner {

    /** Runs the loop with the spec's settings; returns how it ended. */
    Result run() throws Exception;

    /** Asks a running loop to stop; it kills its runs, records them as interrupted and returns. */
    void stop();

    /** The sentence the loop ended with, and whether it stopped because patches or ideas wait for a person. */
    record Result(String message, boolean waitsForReview) {}
}
