package dev.groundwork.app.gui;

import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.views.settings.ExecutionHosts;
import java.util.List;
import java.util.Optional;

/**
 * The hosts the Settings page lists: this machine, its GPUs as {@code nvidia-smi} shows them and its slots by the
 * same rules the loop uses ({@link Slots}); Docker hosts join the list when the Docker target exists.
 */
public final class WindowHosts implements ExecutionHosts {

    /** The loop's name for this machine (LoopAssembly's local target). */
    static final String LOCAL = "local";
    static final String KIND = "Local processes on this machine";

    private final GpuProbe gpus;
    private final int cpuCores;

    public WindowHosts(GpuProbe gpus) {
        this(gpus, Runtime.getRuntime().availableProcessors());
    }

    WindowHosts(GpuProbe gpus, int cpuCores) {
        this.gpus = gpus;
        this.cpuCores = cpuCores;
    }

    @Override
    public List<Host> hosts(RunSpec run, int concurrency) {
        List<Integer> gpuIds = gpus.gpuIds();
        List<Slot> slots;
        Optional<String> problem = Optional.empty();
        if (gpuIds.size() < run.gpusPerRun()) { // worded as the loop words it when it refuses to start
            return List.of(new Host(LOCAL, KIND, cpuCores, gpuIds, List.of(), Optional.of("run.gpus_per_run is "
                    + run.gpusPerRun() + " but this machine shows " + (gpuIds.isEmpty() ? "no GPU" : gpuIds.size()
                    + " GPU" + (gpuIds.size() == 1 ? "" : "s")) + " (nvidia-smi); set run.gpus_per_run: "
                    + (gpuIds.isEmpty() ? "0 to run on the CPU." : gpuIds.size() + " or less."))));
        }
        try {
            slots = Slots.of(LOCAL, run.gpusPerRun(), gpuIds, concurrency);
        } catch (IllegalArgumentException e) {
            slots = List.of();
            problem = Optional.of(e.getMessage());
        }
        if (run.target() == RunSpec.Target.DOCKER) {
            problem = Optional.of("run.target is docker, but Docker hosts are not built into Groundwork yet; set"
                    + " run.target: local to run on this machine.");
        }
        return List.of(new Host(LOCAL, KIND, cpuCores, gpuIds, slots, problem));
    }
}
