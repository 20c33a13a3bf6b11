package dev.groundwork.app.gui;

import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.model.settings.HostBook;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.runners.hosts.HostTargets;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.views.settings.ExecutionHosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The hosts the Settings page lists and changes: this machine, its GPUs as {@code nvidia-smi} shows them and its slots
 * by the same rules the loop uses ({@link Slots}), and the Docker hosts of the user's settings ({@link HostBook}),
 * each with the slots and the problem its run target ({@link HostTargets}) gives it. A host test is the target's own
 * check, as {@code groundwork hosts test} runs it.
 */
public final class WindowHosts implements ExecutionHosts {

    /** The loop's name for this machine (LoopAssembly's local target). */
    static final String LOCAL = HostConfig.LOCAL;
    static final String KIND = "Local processes on this machine";
    static final String DOCKER_KIND = "Docker";

    private final GpuProbe gpus;
    private final int cpuCores;
    private final HostBook book;
    private final HostTargets targets;
    private final BiConsumer<String, Boolean> drained;

    /**
     * @param drained told of every drain and open, so the window's open studies hold it at once (their schedulers read
     *                the settings only when they are made)
     */
    public WindowHosts(GpuProbe gpus, HostBook book, HostTargets targets, BiConsumer<String, Boolean> drained) {
        this(gpus, Runtime.getRuntime().availableProcessors(), book, targets, drained);
    }

    WindowHosts(GpuProbe gpus, int cpuCores, HostBook book, HostTargets targets, BiConsumer<String, Boolean> drained) {
        this.gpus = gpus;
        this.cpuCores = cpuCores;
        this.book = book;
        this.targets = targets;
        this.drained = drained;
    }

    @Override
    public List<Host> hosts(RunSpec run, int concurrency) {
        List<HostConfig> docker = book.configured();
        List<Host> hosts = new ArrayList<>();
        hosts.add(local(run, concurrency, docker.isEmpty()));
        docker.forEach(host -> hosts.add(docker(host, run)));
        return hosts;
    }

    private Host local(RunSpec run, int concurrency, boolean noDockerHost) {
        List<Integer> gpuIds = gpus.gpuIds();
        HostConfig config = HostConfig.local(concurrency);
        if (run.target() == RunSpec.Target.DOCKER) {
            List<Slot> slots = slotsOrNone(LOCAL, run.gpusPerRun(), gpuIds, concurrency);
            return noDockerHost
                    ? new Host(LOCAL, KIND, cpuCores, gpuIds, slots, Optional.of("run.target is docker but no Docker host"
                    + " is set up; add one below, or set run.target: local to run on this machine."), "", config)
                    : new Host(LOCAL, KIND, cpuCores, gpuIds, slots, Optional.empty(),
                    "Not used by this study: its run.target is docker.", config);
        }
        if (gpuIds.size() < run.gpusPerRun()) { // worded as the loop words it when it refuses to start
            return new Host(LOCAL, KIND, cpuCores, gpuIds, List.of(), Optional.of("run.gpus_per_run is "
                    + run.gpusPerRun() + " but this machine shows " + (gpuIds.isEmpty() ? "no GPU" : gpuIds.size()
                    + " GPU" + (gpuIds.size() == 1 ? "" : "s")) + " (nvidia-smi); set run.gpus_per_run: "
                    + (gpuIds.isEmpty() ? "0 to run on the CPU." : gpuIds.size() + " or less.")), "", config);
        }
        try {
            return new Host(LOCAL, KIND, cpuCores, gpuIds, Slots.of(LOCAL, run.gpusPerRun(), gpuIds, concurrency),
                    Optional.empty(), "", config);
        } catch (IllegalArgumentException e) {
            return new Host(LOCAL, KIND, cpuCores, gpuIds, List.of(), Optional.of(e.getMessage()), "", config);
        }
    }

    /** Its slots and, when the study runs on Docker hosts, whatever its run target refuses (too few GPUs, say). */
    private Host docker(HostConfig host, RunSpec run) {
        List<Integer> gpuIds = targets.gpuIds(host);
        List<Slot> declared = slotsOrNone(host.name(), run.gpusPerRun(), gpuIds, host.cpuSlots());
        if (run.target() != RunSpec.Target.DOCKER) {
            return new Host(host.name(), DOCKER_KIND, 0, gpuIds, declared, Optional.empty(),
                    "Not used by this study: its run.target is local.", host);
        }
        try {
            return new Host(host.name(), DOCKER_KIND, 0, gpuIds, targets.target(host, run.gpusPerRun()).slots(),
                    Optional.empty(), "", host);
        } catch (Refusal | IllegalArgumentException e) {
            return new Host(host.name(), DOCKER_KIND, 0, gpuIds, declared, Optional.of(e.getMessage()), "", host);
        }
    }

    private static List<Slot> slotsOrNone(String host, int gpusPerRun, List<Integer> gpuIds, int cpuSlots) {
        try {
            return Slots.of(host, gpusPerRun, gpuIds, cpuSlots);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    @Override
    public Check test(String name) {
        HostConfig host = name.equals(LOCAL) ? HostConfig.local(1) : book.find(name).orElseThrow(() ->
                new Refusal(Refusal.Kind.NOT_ALLOWED, "There is no host named " + name + " any more; another"
                        + " Groundwork may have removed it."));
        return check(host);
    }

    @Override
    public Check test(Draft draft) {
        return check(new HostConfig(draft.name(), HostConfig.Kind.DOCKER, Optional.of(draft.endpoint()),
                draft.tlsDir().map(dir -> dir.toAbsolutePath().normalize()), draft.gpuIds(), draft.slots(), false));
    }

    /** The target's own check, as the CLI's host test runs it; this machine's cores and GPUs come first. */
    private Check check(HostConfig host) {
        List<String> facts = new ArrayList<>();
        if (host.kind() == HostConfig.Kind.LOCAL) {
            List<Integer> ids = gpus.gpuIds();
            facts.add(cpuCores + " CPU core" + (cpuCores == 1 ? "" : "s"));
            facts.add(ids.isEmpty() ? "No GPU (nvidia-smi shows none)" : (ids.size() == 1 ? "GPU " : "GPUs ")
                    + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " (nvidia-smi)");
        }
        HostHealth health;
        try {
            health = targets.target(host, host.gpuIds().isPresent() ? 1 : 0).check();
        } catch (Refusal | IllegalArgumentException e) {
            return new Check(false, facts, host.name() + " cannot take runs: " + e.getMessage());
        }
        facts.addAll(health.facts());
        return health.healthy() ? new Check(true, facts, host.name() + " answers and can take runs.")
                : new Check(false, facts, host.name() + " cannot take runs: " + health.problem().orElseThrow());
    }

    @Override
    public void add(Draft draft) {
        book.addDocker(draft.name(), draft.endpoint(), draft.tlsDir(), draft.gpuIds(), draft.slots());
    }

    @Override
    public void drain(String name, boolean drain) {
        book.drain(name, drain);
        drained.accept(name, drain);
    }

    @Override
    public void remove(String name) {
        book.remove(name);
    }

    @Override
    public boolean editable() {
        return true;
    }
}
