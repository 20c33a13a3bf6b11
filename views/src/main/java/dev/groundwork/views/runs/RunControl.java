package dev.groundwork.views.runs;

import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.run.Run;
import java.util.List;

/**
 * What the Runs page asks of whoever holds a study's run slots (in the app: the loop running in the window, else a
 * dispatcher of the page's own). Every call may block: the page makes them off the UI thread. A refusal is an
 * {@link IllegalStateException} whose message is a sentence saying what to do.
 */
public interface RunControl {

    /** Cancels a queued or running run; returns a sentence saying what happened. */
    String cancel(long runId);

    /** Queues one more run of a failed, timed-out, cancelled or lost run's patch and starts it when a slot is free. */
    Run retry(long runId);

    /** Queues a repeat of a succeeded run (to measure noise; its reward never counts) and starts it when a slot is free. */
    Run runAgain(long runId);

    /** Every host runs go to, with each of its slots free or busy. */
    List<Host> hosts();

    /** A host ("local", later each Docker host) and its slots in order. */
    record Host(String name, List<HostSlot> slots) {
        public Host {
            slots = List.copyOf(slots);
        }

        public long busy() {
            return slots.stream().filter(slot -> slot.runId() != null).count();
        }
    }

    /** A slot (its GPU ids, empty for a CPU slot) and the run on it, or null when it is free. */
    record HostSlot(Slot slot, Long runId) {}
}
