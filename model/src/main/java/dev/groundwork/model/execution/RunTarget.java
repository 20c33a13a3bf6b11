package dev.groundwork.model.execution;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Follows a run a previous Groundwork started that still executes (a labelled container): its output from the end of
     * {@code launch.logFile()} on goes to {@code listener}, then its exit. Empty when there is nothing to follow (a local
     * process died with its Groundwork; a container is gone), so the run is recorded as lost.
     */
    default Optional<RunHandle> reattach(String handle, RunLaunch launch, RunListener listener) {
        return Optional.empty();
    }

    /** Whether its runs go into containers (which mount {@code run.data} themselves) rather than this machine's processes. */
    default boolean runsInContainers() {
        return false;
    }

    /** Whether the host answers and can take this study's runs; may block (a network round trip). */
    default HostHealth check() {
        return HostHealth.healthy(List.of());
    }

    /**
     * GPU ids of this host that runs it did not start hold right now (another Groundwork, on this machine or another,
     * sharing a Docker host); the scheduler never gives them out. May block.
     */
    default Set<Integer> gpusHeldElsewhere() {
        return Set.of();
    }
}
