package dev.groundwork.model.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a target needs to start one run.
 *
 * @param workspace the checked-out code, which the run may write into
 * @param env       extra environment (the spec's); the target adds CUDA_VISIBLE_DEVICES from the slot
 * @param logFile   where every output line goes, stdout and stderr interleaved as they arrive
 * @param studyId   the study's stable id, which a container target writes on its containers (labels) so that a later
 *                  Groundwork finds the study's runs again
 * @param container how to box the run, for a container target; empty for a local process
 */
public record RunLaunch(long runId, Path workspace, List<String> command, Map<String, String> env, Duration timeout,
                        Slot slot, Path logFile, String studyId, Optional<ContainerOptions> container) {
    public RunLaunch {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        Objects.requireNonNull(studyId, "studyId");
        Objects.requireNonNull(container, "container");
    }

    /** A local process run (no container), for a study whose id does not matter here. */
    public RunLaunch(long runId, Path workspace, List<String> command, Map<String, String> env, Duration timeout,
                     Slot slot, Path logFile) {
        this(runId, workspace, command, env, timeout, slot, logFile, "", Optional.empty());
    }
}
