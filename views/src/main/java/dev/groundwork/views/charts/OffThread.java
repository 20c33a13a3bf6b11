package dev.groundwork.views.charts;

import java.util.function.Supplier;

/**
 * Where a chart does the part of a frame that is heavy to compute (tens of thousands of marks written into pixels): off
 * the FX thread, handing back what the FX thread then only has to apply. The window waits on its FX thread, so a first
 * draw that computed twenty thousand marks there froze it for a noticeable moment.
 */
@FunctionalInterface
public interface OffThread {

    /** Runs {@code work} off the FX thread, then the {@link Runnable} it returns on the FX thread. Called on the FX thread. */
    void run(Supplier<Runnable> work);

    /** At once, on the calling thread: a chart nobody gave a worker (a chart on its own in a test or a snapshot). */
    OffThread NOW = work -> work.get().run();
}
