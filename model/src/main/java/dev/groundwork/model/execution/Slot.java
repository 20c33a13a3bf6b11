package dev.groundwork.model.execution;

import java.util.List;

/**
 * One place a run can go: a host and the GPU ids it gets (empty for a CPU slot, numbered by {@code index}).
 */
public record Slot(String host, int index, List<Integer> gpuIds) {
    public Slot {
        gpuIds = List.copyOf(gpuIds);
    }

    public String label() {
        return gpuIds.isEmpty() ? host + "/cpu" + index : host + "/gpu" + gpuIds;
    }
}
