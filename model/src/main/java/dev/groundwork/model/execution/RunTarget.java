package dev.groundwork.model.execution;

import java.util.List;

/** Somewhere runs execute: this machine's processes, or a Docker host. */
public interface RunTarget {

    /** The host name recorded on its runs ("local", a Docker host's name). */
    String host();

    /** The slots it offers; the scheduler never puts two runs on one slot. */
    List<Slot> slots();

    /**
     * Starts a run in its slot and returns at once. Output lines go to {@code listener} (and to the launch's log file) as
     * they come; exactly one {@link RunListener#onExit} follows.
     */
    RunHandle start(RunLaunch launch, RunListener listener) throws RunStartException;

    /**
     * Stops what is left of a run from an earlier Groundwork process that died (a process or container with that
     * handle), so that its slot is free again. Returns true when something was found and stopped.
     */
    boolean reap(String handle);
}
