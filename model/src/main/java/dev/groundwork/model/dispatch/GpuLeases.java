package dev.groundwork.model.dispatch;

import java.util.List;
import java.util.Optional;

/**
 * Who holds which GPU of which host, across every study and every Groundwork process of this user: a GPU is never
 * given to two runs. Shared by all studies a process opens (one instance, made by the composition root).
 */
public interface GpuLeases {

    /**
     * Takes every GPU of {@code gpuIds} on {@code host} for {@code holder}, or none of them: empty when any is held.
     * {@code holder} is written where a person can read who holds it ("study charlm, run 12, pid 4711").
     */
    Optional<Lease> tryAcquire(String host, List<Integer> gpuIds, String holder);

    /** A granted lease; closing it frees its GPUs (a crashed process frees them too). */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** For CPU slots and tests: every request is granted, nothing is recorded. */
    GpuLeases NONE = (host, gpuIds, holder) -> Optional.of(() -> { });
}
