package dev.groundwork.model.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One execution of a patch (or of the baseline when {@code patchId} is null) on a host.
 *
 * @param gpuIds  GPU ids of its slot; empty for CPU runs
 * @param handle  container or process id while it exists, or null
 * @param reward  the score from its metric series, or null when it has none (failed or not finished)
 * @param logPath the log file, relative to the study folder
 * @param rewardCounts whether its reward is the one that counts for its patch (or the baseline): the first run of it
 *                     that succeeded; later successes are repeats that measure noise and never count
 */
public record Run(
        long id,
        Long patchId,
        Long ideaId,
        int epoch,
        String host,
        List<Integer> gpuIds,
        String handle,
        RunStatus status,
        Instant queuedAt,
        Instant startedAt,
        Instant endedAt,
        Integer exitCode,
        FailureClass failureClass,
        Double reward,
        String logPath,
        Reproducibility reproducibility,
        Integer slot,
        boolean rewardCounts) {

    public Run {
        Objects.requireNonNull(status, "status");
        gpuIds = gpuIds == null ? List.of() : List.copyOf(gpuIds);
        reproducibility = reproducibility == null ? Reproducibility.none() : reproducibility;
    }

    public boolean isBaseline() {
        return patchId == null && ideaId == null;
    }

    /** Wall-clock seconds it held its slot, 0 when it never started. */
    public double elapsedSeconds(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        Instant end = endedAt != null ? endedAt : now;
        return Math.max(0, (end.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
    }
}
