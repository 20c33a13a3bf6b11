package dev.groundwork.runners.docker;

import dev.groundwork.model.execution.RunLaunch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Groundwork writes on its containers, so that any Groundwork (a later one, or one on another machine sharing the
 * daemon) can tell whose run a container is, which GPUs it holds, and whether whoever started it still lives.
 */
final class Labels {

    static final String STUDY = "groundwork.study";
    static final String RUN = "groundwork.run";
    static final String GPU = "groundwork.gpu";
    static final String OWNER = "groundwork.owner";
    static final String SLOT = "groundwork.slot";

    private Labels() {}

    /**
     * @param owner {@code hostname:pid} of this Groundwork
     */
    static Map<String, String> of(RunLaunch launch, String owner) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(STUDY, launch.studyId());
        labels.put(RUN, String.valueOf(launch.runId()));
        labels.put(GPU, launch.slot().gpuIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        labels.put(OWNER, owner);
        labels.put(SLOT, launch.slot().label());
        return labels;
    }
}
