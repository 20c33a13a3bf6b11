package dev.groundwork.views.charts;

import dev.groundwork.views.common.UiThread;
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

    /**
     * Each piece of work on a virtual thread of its own, its result posted to {@code ui}. Not the page's task executor:
     * its tasks show in the status bar, and a task strip that came and went with every frame's marks changed the
     * window's layout, which resized the canvas, which asked for marks again.
     */
    static OffThread on(UiThread ui) {
        return work -> Thread.ofVirtual().name("groundwork-chart").start(() -> {
            try {
                ui.post(work.get());
            } catch (RuntimeException e) {
                // A bug, not the researcher's doing: the chart keeps what it showed, and the log says why.
                org.slf4j.LoggerFactory.getLogger(OffThread.class).warn("A chart's frame could not be worked out", e);
            }
        });
    }
}
