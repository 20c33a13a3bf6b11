package dev.groundwork.views.common;

/** A repeating action started with {@link TaskExecutor#schedule}; cancelling it stops the repeats for good. */
public interface Scheduled {

    /** Stops the action: it does not run again, not even a run already on its way to the UI thread. */
    void cancel();

    boolean isCancelled();
}
