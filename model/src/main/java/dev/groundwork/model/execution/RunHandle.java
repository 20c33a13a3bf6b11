package dev.groundwork.model.execution;

/** A started run. */
public interface RunHandle {

    /** The process id or container id, recorded so that a later Groundwork can find it. */
    String id();

    /** Stops the run (its whole process tree); its exit is then reported as cancelled. */
    void cancel();
}
