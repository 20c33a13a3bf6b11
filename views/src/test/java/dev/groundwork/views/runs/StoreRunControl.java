package dev.groundwork.views.runs;

import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.monitor.RunRequests;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.study.StudyFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run control for page tests: retry and run again queue through the real {@link RunRequests}, cancel records the
 * cancel in the store, and the slots are what the test says (no processes; the app's adapter is tested on real ones).
 */
class StoreRunControl implements RunControl {

    final List<String> calls = new ArrayList<>();
    private final StudyFolder study;
    private final RunRequests requests;
    private volatile List<Host> hosts;

    StoreRunControl(StudyFolder study, int slots) {
        this.study = study;
        this.requests = new RunRequests(study);
        List<HostSlot> free = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            free.add(new HostSlot(new Slot("local", i, List.of()), null));
        }
        this.hosts = List.of(new Host("local", free));
    }

    /** Puts a run on slot {@code index} of this machine (null frees it). */
    void occupy(int index, Long runId) {
        List<HostSlot> slots = new ArrayList<>(hosts.getFirst().slots());
        slots.set(index, new HostSlot(slots.get(index).slot(), runId));
        List<Host> now = new ArrayList<>(hosts);
        now.set(0, new Host("local", slots));
        hosts = List.copyOf(now);
    }

    /** Adds a host after this machine, with its GPU slots (one GPU each) and the runs on them (null: free). */
    void addHost(String name, Health health, Optional<String> problem, Long... runs) {
        List<HostSlot> slots = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            slots.add(new HostSlot(new Slot(name, i, List.of(i)), runs[i]));
        }
        List<Host> now = new ArrayList<>(hosts);
        now.add(new Host(name, health, problem, slots));
        hosts = List.copyOf(now);
    }

    @Override
    public String cancel(long runId) {
        calls.add("cancel " + runId);
        Run run = study.store().runs().get(runId);
        if (run.status().isFinal()) {
            throw new IllegalStateException("Run " + runId + " has already ended (" + run.status().wireName() + ").");
        }
        study.store().runs().finish(runId, RunStatus.CANCELLED, null, FailureClass.CANCELLED, null);
        return "Run " + runId + " is cancelled; it will not run.";
    }

    @Override
    public Run retry(long runId) {
        calls.add("retry " + runId);
        return requests.retry(runId);
    }

    @Override
    public Run runAgain(long runId) {
        calls.add("run again " + runId);
        return requests.runAgain(runId);
    }

    @Override
    public List<Host> hosts() {
        return hosts;
    }
}
