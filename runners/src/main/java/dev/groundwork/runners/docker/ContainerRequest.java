package dev.groundwork.runners.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Volume;
import dev.groundwork.model.execution.ContainerOptions;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.runners.common.RunEnvironment;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The container one run gets, from its launch: the spec's command in {@value #WORKDIR} (where its code is copied), its
 * environment, Groundwork's labels, and the box around it. The box: the spec's network ({@code none} unless it says
 * {@code host}); its memory limit with no swap on top, so that running out of memory is an OOM kill and not a slow
 * crawl; CPUs as nano-CPUs; a pids limit; the non-root user; no capabilities and no privilege gains for a non-root
 * user; an init process as PID 1, so that a stop's TERM reaches the run (a process that is PID 1 ignores TERM unless it
 * handles it) and zombies of data-loader workers are reaped; a larger {@code /dev/shm} than Docker's 64 MB, which
 * PyTorch's data loaders outgrow; the spec's {@code run.data} folders of the Docker host mounted read-only at
 * {@code data/<name>} in the workspace (a dataset is never copied per run); json-file logs, which Groundwork reads back when it follows a run again; and the
 * slot's GPUs as one device request with their explicit ids.
 */
record ContainerRequest(String image, List<String> command, List<String> env, Map<String, String> labels, String user,
                        String name, HostConfig hostConfig) {

    static final String WORKDIR = "/workspace";
    /** Shared memory when the run has no memory limit; with one, at most that. */
    static final long SHM_BYTES = 1L << 30;

    static ContainerRequest of(RunLaunch launch, ContainerOptions options, String owner) {
        List<String> env = new ArrayList<>();
        RunEnvironment.forContainer(launch.env(), launch.slot()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> env.add(entry.getKey() + "=" + entry.getValue()));
        HostConfig box = HostConfig.newHostConfig()
                .withNetworkMode(options.network())
                .withInit(true)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of()))
                .withShmSize(Math.min(SHM_BYTES, options.memoryBytes().orElse(SHM_BYTES)));
        if (!runsAsRoot(options.user())) {
            box.withCapDrop(Capability.ALL);
        }
        if (!options.data().isEmpty()) {
            box.withBinds(options.data().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(folder -> new Bind(folder.getValue().toString(),
                            new Volume(WORKDIR + "/data/" + folder.getKey()), AccessMode.ro)).toList());
        }
        options.memoryBytes().ifPresent(bytes -> box.withMemory(bytes).withMemorySwap(bytes));
        options.cpus().ifPresent(cpus -> box.withNanoCPUs(Math.round(cpus * 1e9)));
        options.pids().ifPresent(box::withPidsLimit);
        if (!launch.slot().gpuIds().isEmpty()) {
            box.withDeviceRequests(List.of(new DeviceRequest()
                    .withDriver("nvidia")
                    .withDeviceIds(launch.slot().gpuIds().stream().map(String::valueOf).toList())
                    .withCapabilities(List.of(List.of("gpu")))));
        }
        String name = "gw-run" + launch.runId() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return new ContainerRequest(options.image(), launch.command(), List.copyOf(env), Labels.of(launch, owner),
                options.user(), name, box);
    }

    CreateContainerCmd applyTo(CreateContainerCmd create) {
        return create.withName(name).withCmd(command).withEnv(env).withLabels(labels).withUser(user)
                .withWorkingDir(WORKDIR).withHostConfig(hostConfig);
    }

    /** Root by name or id, or no user written (the image's, which is root for the images Groundwork builds). */
    static boolean runsAsRoot(String user) {
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return name.isEmpty() || name.equals("0") || name.equals("root");
    }
}
