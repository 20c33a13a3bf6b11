package dev.groundwork.views.settings;

import dev.groundwork.model.execution.Slot;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One host as the Settings page lists it.
 *
 * @param machine what it has, e.g. "16 CPU cores · GPUs 0, 1"
 * @param slots   one label per slot, e.g. "CPU slot 1" or "GPU 0+1"
 * @param summary how many runs go at once and why, or why none can
 * @param problem why the study cannot run here as its spec stands; empty when it can
 */
public record HostRow(String name, String kind, String machine, List<String> slots, String summary, String problem) {

    public HostRow {
        slots = List.copyOf(slots);
    }

    /** {@code concurrency} and {@code gpusPerRun} are the spec's, for the summary's reasons. */
    static HostRow of(ExecutionHosts.Host host, int concurrency, int gpusPerRun) {
        String gpus = host.gpuIds().isEmpty() ? "no GPU (nvidia-smi shows none)"
                : (host.gpuIds().size() == 1 ? "GPU " : "GPUs ")
                        + host.gpuIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String machine = host.cpuCores() + " CPU core" + (host.cpuCores() == 1 ? "" : "s") + " · " + gpus;
        List<String> slots = host.slots().stream().map(HostRow::label).toList();
        int inFlight = Math.min(concurrency, slots.size());
        String summary;
        if (slots.isEmpty()) {
            summary = "No run can go here.";
        } else if (gpusPerRun == 0) {
            summary = "Up to " + runs(inFlight) + " at once (search.concurrency), sharing the CPU cores;"
                    + " run.gpus_per_run is 0.";
        } else {
            summary = "Up to " + runs(inFlight) + " at once, each on " + gpusPerRun + " GPU"
                    + (gpusPerRun == 1 ? "" : "s") + " of its own (run.gpus_per_run)"
                    + (inFlight < slots.size() ? "; search.concurrency " + concurrency + " leaves the other slots idle." : ".");
        }
        return new HostRow(host.name(), host.kind(), machine, slots, summary, host.problem().orElse(""));
    }

    private static String label(Slot slot) {
        return slot.gpuIds().isEmpty() ? "CPU slot " + (slot.index() + 1)
                : "GPU " + slot.gpuIds().stream().map(String::valueOf).collect(Collectors.joining("+"));
    }

    private static String runs(int count) {
        return count + (count == 1 ? " run" : " runs");
    }
}
