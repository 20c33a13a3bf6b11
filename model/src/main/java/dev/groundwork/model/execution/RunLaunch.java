package dev.groundwork.model.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a target needs to start one run.
 *
 * @param workspace the checked-out code, which the run may write into
 * @param env       extra environment (the spec's); the target adds CUDA_VISIBLE_DEVICES from the slot
 * @param logFile   where every output line goes, stdout and stderr interleaved as they arrive
 */
public record RunLaunch(long runId, Path workspace, List<String> command, Map<String, String> env, Duration timeout,
                        Slot slot, Path logFile) {
    public RunLaunch {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }
}
