package dev.groundwork.model.execution;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How a run is boxed in a container (the spec's {@code run} section); a local process target ignores it.
 *
 * @param network     the container's network: {@code none} (the default: generated code reaches nothing), or {@code host}
 * @param memoryBytes the memory limit, empty for none
 * @param cpus        CPUs the container may use, empty for no limit
 * @param pids        the most processes it may hold, empty for no limit
 * @param user        the user it runs as, {@code uid:gid}; never root unless the spec says so
 * @param artifacts   paths (relative to the workspace) copied back into the run's folder after it ends
 * @param data        folders of the Docker host mounted read-only at {@code data/<name>} in the workspace
 */
public record ContainerOptions(String image, String network, OptionalLong memoryBytes, OptionalDouble cpus,
                               OptionalLong pids, String user, List<String> artifacts, Map<String, Path> data) {

    public ContainerOptions {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(user, "user");
        artifacts = List.copyOf(artifacts);
        data = Map.copyOf(data);
    }
}
