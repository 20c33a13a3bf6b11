package dev.groundwork.views.settings;

import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.spec.RunSpec;
import java.util.List;
import java.util.Optional;

/**
 * Where runs go: this machine now, Docker hosts when they exist. The app implements it with the runners' GPU probe and
 * slot rules; it may block (it runs {@code nvidia-smi}), so the page calls it off the UI thread.
 */
public interface ExecutionHosts {

    /** The hosts and the slots a study's run settings give each; {@code concurrency} caps runs in flight. */
    List<Host> hosts(RunSpec run, int concurrency);

    /**
     * One host.
     *
     * @param kind     e.g. "Local processes on this machine"
     * @param cpuCores the cores its processes share
     * @param gpuIds   its GPUs as {@code nvidia-smi} numbers them; empty when it has none
     * @param slots    where runs can go; never two runs on one slot
     * @param problem  why the study cannot run here as its spec stands, as a sentence
     */
    record Host(String name, String kind, int cpuCores, List<Integer> gpuIds, List<Slot> slots,
                Optional<String> problem) {

        public Host {
            gpuIds = List.copyOf(gpuIds);
            slots = List.copyOf(slots);
        }
    }

    /** A window that knows no hosts (tests of other pages). */
    ExecutionHosts NONE = (run, concurrency) -> List.of();
}
