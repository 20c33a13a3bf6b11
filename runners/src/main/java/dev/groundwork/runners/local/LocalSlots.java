package dev.groundwork.runners.local;

import dev.groundwork.model.execution.Slot;
import java.util.ArrayList;
import java.util.List;

/** The slots this machine offers: a number of CPU slots, or its GPUs in groups of {@code gpus_per_run}. */
public final class LocalSlots {

    private LocalSlots() {}

    /** CPU runs when {@code gpusPerRun} is 0, else GPU runs; {@code concurrency} counts only for CPU runs. */
    public static List<Slot> of(String host, int gpusPerRun, List<Integer> gpuIds, int concurrency) {
        return gpusPerRun == 0 ? cpu(host, concurrency) : gpus(host, gpuIds, gpusPerRun);
    }

    /** {@code count} slots without GPUs. */
    public static List<Slot> cpu(String host, int count) {
        if (count < 1) {
            throw new IllegalArgumentException(
                    "search.concurrency is " + count + "; use a whole number of at least 1.");
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.add(new Slot(host, i, List.of()));
        }
        return List.copyOf(slots);
    }

    /**
     * One slot per {@code gpusPerRun} consecutive GPUs, e.g. [0, 1, 2, 3] by 2 gives [0, 1] and [2, 3]. GPUs left over
     * (a fifth one, by 2) get no slot.
     */
    public static List<Slot> gpus(String host, List<Integer> gpuIds, int gpusPerRun) {
        if (gpusPerRun < 1) {
            throw new IllegalArgumentException("run.gpus_per_run is " + gpusPerRun + "; GPU slots need at least 1.");
        }
        if (gpuIds.size() < gpusPerRun) {
            throw new IllegalArgumentException("run.gpus_per_run is " + gpusPerRun + " but " + host + " has "
                    + gpuIds.size() + " GPU(s) " + gpuIds + "; lower run.gpus_per_run in groundwork.yaml or run on a"
                    + " host with more GPUs.");
        }
        List<Slot> slots = new ArrayList<>();
        for (int first = 0; first + gpusPerRun <= gpuIds.size(); first += gpusPerRun) {
            slots.add(new Slot(host, slots.size(), gpuIds.subList(first, first + gpusPerRun)));
        }
        return List.copyOf(slots);
    }
}
