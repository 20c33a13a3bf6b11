package dev.groundwork.model.execution;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A place runs go, as the researcher configured it (settings, {@code groundwork hosts add}): this machine's processes,
 * or a Docker daemon on this machine or a server.
 *
 * @param endpoint  for Docker, {@code unix:///path/docker.sock} or {@code tcp://host:port}; empty for local
 * @param tlsDir    for a {@code tcp://} endpoint, the folder with {@code ca.pem}, {@code cert.pem} and {@code key.pem}
 * @param gpuIds    the GPUs runs may use; empty means "what the host reports" (nvidia-smi, the daemon's runtimes)
 * @param cpuSlots  runs at once on this host when runs use no GPU
 * @param draining  takes no new runs; the ones on it finish
 */
public record HostConfig(String name, Kind kind, Optional<String> endpoint, Optional<Path> tlsDir,
                         Optional<List<Integer>> gpuIds, int cpuSlots, boolean draining) {

    /** The name of this machine's process host, always present. */
    public static final String LOCAL = "local";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    public enum Kind { LOCAL, DOCKER }

    public HostConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(tlsDir, "tlsDir");
        gpuIds = gpuIds.map(List::copyOf);
    }

    /** This machine's processes, with its GPUs as detected. */
    public static HostConfig local(int cpuSlots) {
        return new HostConfig(LOCAL, Kind.LOCAL, Optional.empty(), Optional.empty(), Optional.empty(), cpuSlots, false);
    }

    public HostConfig draining(boolean drain) {
        return new HostConfig(name, kind, endpoint, tlsDir, gpuIds, cpuSlots, drain);
    }

    /** Why {@code text} cannot name a host, or empty when it can (lower case letters, digits, '.', '_', '-'). */
    public static Optional<String> nameProblem(String text) {
        if (text == null || !NAME.matcher(text).matches()) {
            return Optional.of("'" + text + "' cannot name a host: use up to 40 lower-case letters, digits, '.', '_' or"
                    + " '-', starting with a letter or digit.");
        }
        return Optional.empty();
    }

    /** Why {@code text} is not a Docker endpoint, or empty when it is one. */
    public static Optional<String> endpointProblem(String text) {
        if (text != null && (text.matches("unix:///\\S+") || text.matches("tcp://[\\w.-]+:\\d{1,5}"))) {
            return Optional.empty();
        }
        return Optional.of("'" + text + "' is not a Docker endpoint: write unix:///path/to/docker.sock or"
                + " tcp://HOST:PORT.");
    }
}
