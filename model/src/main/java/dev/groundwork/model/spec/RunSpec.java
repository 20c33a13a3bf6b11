package dev.groundwork.model.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How one run is started.
 *
 * @param image   the Docker image; in a loaded spec, present when {@code target} is {@link Target#DOCKER}
 * @param smoke   the pre-flight smoke command; empty when there is none
 * @param env     environment variables in the order written
 * @param sandbox how a container boxes the run (network, limits, user, artifacts)
 */
public record RunSpec(
        Target target,
        Optional<String> image,
        List<String> command,
        List<String> smoke,
        int gpusPerRun,
        Duration timeout,
        OptionalLong seed,
        Map<String, String> env,
        Sandbox sandbox) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** Where runs execute: a local process or a Docker container. */
    public enum Target { LOCAL, DOCKER }

    public RunSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(image, "image");
        command = List.copyOf(command);
        smoke = List.copyOf(smoke);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(seed, "seed");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(sandbox, "sandbox");
    }

    /** With the default sandbox: no network, no limits, a non-root user, no artifacts. */
    public RunSpec(Target target, Optional<String> image, List<String> command, List<String> smoke, int gpusPerRun,
                   Duration timeout, OptionalLong seed, Map<String, String> env) {
        this(target, image, command, smoke, gpusPerRun, timeout, seed, env, Sandbox.DEFAULT);
    }
}
