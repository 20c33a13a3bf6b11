package dev.groundwork.runners.hosts;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.runners.docker.DockerClients;
import dev.groundwork.runners.docker.DockerRunTarget;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.runners.local.LocalProcessTarget;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns the researcher's hosts into run targets with their slots: this machine's processes (its
 * GPUs as {@code nvidia-smi} lists them, unless the host names its own), or a Docker daemon (the GPUs its settings
 * name: a daemon does not list its GPUs), reached through one shared connection per endpoint.
 */
public final class HostTargets {

    private final GpuProbe gpus;
    private final Map<String, String> environment;
    private final DockerClients docker;

    /** @param environment what local runs inherit (before secrets are dropped): Groundwork's own, normally */
    public HostTargets(GpuProbe gpus, Map<String, String> environment) {
        this(gpus, environment, new DockerClients());
    }

    /** @param docker the connections to Docker daemons, shared with whatever else talks to them (image loading) */
    public HostTargets(GpuProbe gpus, Map<String, String> environment, DockerClients docker) {
        this.gpus = gpus;
        this.environment = Map.copyOf(environment);
        this.docker = docker;
    }

    /** A target for {@code host} with the slots {@code gpusPerRun} gives it. */
    public RunTarget target(HostConfig host, int gpusPerRun) {
        return switch (host.kind()) {
            case LOCAL -> new LocalProcessTarget(host.name(), slots(host, gpusPerRun), environment,
                    LocalProcessTarget.DEFAULT_GRACE);
            case DOCKER -> new DockerRunTarget(host, slots(host, gpusPerRun), docker, DockerRunTarget.DEFAULT_GRACE);
        };
    }

    private List<Slot> slots(HostConfig host, int gpusPerRun) {
        return Slots.of(host.name(), gpusPerRun, gpusPerRun == 0 ? List.of() : gpuIds(host), host.cpuSlots());
    }

    /** The GPUs a host offers: those its settings name, else those this machine shows (for the local host). */
    public List<Integer> gpuIds(HostConfig host) {
        return host.gpuIds().orElseGet(() -> host.kind() == HostConfig.Kind.LOCAL ? gpus.gpuIds() : List.of());
    }
}
