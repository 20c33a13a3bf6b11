package dev.groundwork.model.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.model.execution.HostConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A host as the settings file keeps it ({@code "hosts": [{"name": "gpu-box", "kind": "docker", "endpoint":
 * "tcp://10.0.0.5:2376", "tls": "/home/me/.docker/gpu-box", "gpus": [0, 1], "slots": 2}]}); absent keys take defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostEntry(String name, String kind, String endpoint, String tls, List<Integer> gpus, Integer slots,
                        Boolean draining) {

    /** CPU runs at once on a Docker host when its entry does not say. */
    public static final int DEFAULT_SLOTS = 2;

    public static HostEntry of(HostConfig host) {
        return new HostEntry(host.name(), host.kind().name().toLowerCase(Locale.ROOT), host.endpoint().orElse(null),
                host.tlsDir().map(Path::toString).orElse(null), host.gpuIds().orElse(null), host.cpuSlots(),
                host.draining() ? true : null);
    }

    /** The typed host; an entry a person broke by hand is refused with a sentence naming it. */
    public HostConfig config() {
        HostConfig.nameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException("settings.json: hosts: " + problem);
        });
        HostConfig.Kind parsed = "local".equals(kind) ? HostConfig.Kind.LOCAL : HostConfig.Kind.DOCKER;
        if (parsed == HostConfig.Kind.DOCKER) {
            HostConfig.endpointProblem(endpoint).ifPresent(problem -> {
                throw new IllegalArgumentException("settings.json: host " + name + ": " + problem);
            });
        }
        return new HostConfig(name, parsed, Optional.ofNullable(endpoint), Optional.ofNullable(tls).map(Path::of),
                Optional.ofNullable(gpus), slots == null ? DEFAULT_SLOTS : slots, Boolean.TRUE.equals(draining));
    }
}
