package dev.groundwork.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How a run is boxed when it runs in a container ({@code run.network}, {@code run.limits}, {@code run.user},
 * {@code run.artifacts}); the local process target ignores it.
 *
 * @param network     {@code none} (the default: generated code reaches no network) or {@code host}
 * @param memoryBytes {@code run.limits.memory}, empty for no limit
 * @param cpus        {@code run.limits.cpus}, empty for no limit
 * @param pids        {@code run.limits.pids}, empty for no limit
 * @param user        {@code uid:gid} the run executes as; not root unless written so
 * @param artifacts   workspace paths copied back into {@code runs/<id>/artifacts/} after the run
 * @param data        {@code run.data}: folders of the host a run reads (datasets, shards) by name, never copied into
 *                    workspaces: each appears as {@code data/<name>} in the workspace (read-only in a container) and
 *                    as {@code GROUNDWORK_DATA_<NAME>}; a relative path is relative to the study folder
 */
public record Sandbox(String network, OptionalLong memoryBytes, OptionalDouble cpus, OptionalLong pids, String user,
                      List<String> artifacts, Map<String, String> data) {

    public static final String DEFAULT_USER = "1000:1000";
    public static final Sandbox DEFAULT = new Sandbox("none", OptionalLong.empty(), OptionalDouble.empty(),
            OptionalLong.empty(), DEFAULT_USER, List.of(), Map.of());

    public Sandbox {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(user, "user");
        artifacts = List.copyOf(artifacts);
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
