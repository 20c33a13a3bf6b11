package dev.groundwork.views.settings;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One host as the Settings page lists it.
 *
 * @param machine  what it has, e.g. "16 CPU cores · GPUs 0, 1"; for a Docker host its endpoint
 * @param details  a Docker host's settings, one line each (TLS folder, GPUs, CPU slots); empty for this machine
 * @param slots    one label per slot, e.g. "CPU slot 1" or "GPU 0+1"
 * @param summary  how many runs go at once and why, or why none can, or how the study uses it otherwise
 * @param problem  why the study cannot run here as its spec stands; empty when it can
 * @param docker   a Docker host of the settings (it can be drained and removed); false for this machine
 * @param draining takes no new runs; the ones on it finish
 */
public record HostRow(String name, String kind, String machine, List<String> details, List<String> slots,
                      String summary, String problem, boolean docker, boolean draining) {

    public HostRow {
        details = List.copyOf(details);
        slots = List.copyOf(slots);
    }

    /** {@code concurrency} and {@code gpusPerRun} are the spec's, for the summary's reasons. */
    static HostRow of(ExecutionHosts.Host host, int concurrency, int gpusPerRun) {
        List<String> slots = host.slots().stream().map(HostRow::label).toList();
        HostConfig config = host.config();
        String summary = config.draining() ? "Draining: the runs on it finish and no new one starts there."
                : !host.note().isEmpty() ? host.note()
                : summary(slots.size(), concurrency, gpusPerRun);
        if (!host.docker()) {
            String machine = host.cpuCores() + " CPU core" + (host.cpuCores() == 1 ? "" : "s") + " · "
                    + (host.gpuIds().isEmpty() ? "no GPU (nvidia-smi shows none)" : gpus(host.gpuIds()));
            return new HostRow(host.name(), host.kind(), machine, List.of(), slots, summary,
                    host.problem().orElse(""), false, false);
        }
        List<String> details = new ArrayList<>();
        config.tlsDir().ifPresent(dir -> details.add("TLS folder " + dir));
        details.add(host.gpuIds().isEmpty() ? "No GPU named: CPU runs only" : gpus(host.gpuIds()) + " for runs");
        details.add(config.cpuSlots() + " CPU slot" + (config.cpuSlots() == 1 ? "" : "s") + " when runs use no GPU");
        return new HostRow(host.name(), host.kind(), config.endpoint().orElse(""), details, slots, summary,
                host.problem().orElse(""), true, config.draining());
    }

    private static String summary(int slots, int concurrency, int gpusPerRun) {
        int inFlight = Math.min(concurrency, slots);
        if (slots == 0) {
            return "No run can go here.";
        }
        if (gpusPerRun == 0) {
            return "Up to " + runs(inFlight) + " at once (search.concurrency), sharing the CPU cores;"
                    + " run.gpus_per_run is 0.";
        }
        return "Up to " + runs(inFlight) + " at once, each on " + gpusPerRun + " GPU" + (gpusPerRun == 1 ? "" : "s")
                + " of its own (run.gpus_per_run)"
                + (inFlight < slots ? "; search.concurrency " + concurrency + " leaves the other slots idle." : ".");
    }

    private static String gpus(List<Integer> ids) {
        return (ids.size() == 1 ? "GPU " : "GPUs ") + ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String label(Slot slot) {
        return slot.gpuIds().isEmpty() ? "CPU slot " + (slot.index() + 1)
                : "GPU " + slot.gpuIds().stream().map(String::valueOf).collect(Collectors.joining("+"));
    }

    private static String runs(int count) {
        return count + (count == 1 ? " run" : " runs");
    }
}
