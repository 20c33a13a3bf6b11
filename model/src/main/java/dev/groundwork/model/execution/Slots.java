package dev.groundwork.model.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * The slots a host offers a study, by one rule for every kind of host: with {@code gpus_per_run: 0}, a number of CPU
 * slots; else one slot per {@code gpus_per_run} of its GPUs, e.g. [0, 1, 2, 3] by 2 gives [0, 1] and [2, 3] (GPUs left
 * over get no slot). Two runs never share a slot, so never a GPU.
 */
public final class Slots {

    private Slots() {}

    public static List<Slot> of(String host, int gpusPerRun, List<Integer> gpuIds, int cpuSlots) {
        return gpusPerRun == 0 ? cpu(host, cpuSlots) : gpus(host, gpuIds, gpusPerRun);
    }

    /** {@code count} slots without GPUs. */
    public static List<Slot> cpu(String host, int count) {
        if (count < 1) {
            throw new IllegalArgumentException(host + " has " + count + " run slots; give it at least 1.");
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.add(new Slot(host, i, List.of()));
        }
        return List.copyOf(slots);
    }

    public static List<Slot> gpus(String host, List<Integer> gpuIds, int gpusPerRun) {
        if (gpusPerRun < 1) {
            throw new IllegalArgumentException("run.gpus_per_run is " + gpusPerRun + "; GPU slots need at least 1.");
        }
        if (gpuIds.size() < gpusPerRun) {
            throw new IllegalArgumentException("run.gpus_per_run is " + gpusPerRun + " but " + host + " has "
                    + (gpuIds.isEmpty() ? "no GPU" : gpuIds.size() + " GPU" + (gpuIds.size() == 1 ? "" : "s") + " "
                    + gpuIds) + "; lower run.gpus_per_run in groundwork.yaml or run on a host with more GPUs.");
        }
        List<Slot> slots = new ArrayList<>();
        for (int first = 0; first + gpusPerRun <= gpuIds.size(); first += gpusPerRun) {
            slots.add(new Slot(host, slots.size(), gpuIds.subList(first, first + gpusPerRun)));
        }
        return List.copyOf(slots);
    }
}
