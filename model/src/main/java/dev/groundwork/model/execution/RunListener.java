package dev.groundwork.model.execution;

/** Receives a run's output as it comes, then its end; called from the target's threads. */
public interface RunListener {

    /** One line of output, without its line break. */
    void onLine(String line, boolean stderr);

    /** The run ended; called exactly once, after the last line. */
    void onExit(RunExit exit);
}
