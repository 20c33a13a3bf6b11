package dev.groundwork.views.runs;

import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.run.Run;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /** How a host stands for new runs. */
    enum Health {
        /** It takes runs. */
        HEALTHY,
        /** It stopped answering: it takes no new runs until a check finds it back. */
        UNHEALTHY,
        /** The researcher drained it: its runs finish and it takes no new ones. */
        DRAINING
    }

    /**
     * A host ("local" or a Docker host), how it stands, why (while it cannot take runs) and its slots in order.
     *
     * @param problem why an unhealthy host cannot take runs, as a sentence; empty otherwise
     */
    record Host(String name, Health health, Optional<String> problem, List<HostSlot> slots) {
        public Host {
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(problem, "problem");
            slots = List.copyOf(slots);
        }

        /** A healthy host. */
        public Host(String name, List<HostSlot> slots) {
            this(name, Health.HEALTHY, Optional.empty(), slots);
        }

        public long busy() {
            return slots.stream().filter(slot -> slot.runId() != null).count();
        }
    }

    /** A slot (its GPU ids, empty for a CPU slot) and the run on it, or null when it is free. */
    record HostSlot(Slot slot, Long runId) {}
}
