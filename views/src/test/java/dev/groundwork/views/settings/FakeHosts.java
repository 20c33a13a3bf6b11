package dev.groundwork.views.settings;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.model.settings.HostBook;
import dev.groundwork.model.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hosts over a real host book (so every refusal is the book's own sentence): this machine with 8 cores and one CPU
 * slot per concurrent run, and the book's Docker hosts. A test answers what the test says ({@link #answer}); it
 * records every call.
 */
final class FakeHosts implements ExecutionHosts {

    final HostBook book;
    /** The concurrency each hosts read was asked for. */
    final List<Integer> hostReads = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    Check answer = new Check(true, List.of("Docker 27.3.1, API 1.47", "GPUs 0, 1 (NVIDIA H100 80GB HBM3)"),
            "gpu-box answers and can take runs.");

    FakeHosts(HostBook book) {
        this.book = book;
    }

    @Override
    public List<Host> hosts(RunSpec run, int concurrency) {
        hostReads.add(concurrency);
        List<Host> hosts = new ArrayList<>();
        hosts.add(new Host(HostConfig.LOCAL, "Local processes on this machine", 8, List.of(),
                Slots.cpu(HostConfig.LOCAL, concurrency), Optional.empty(), "", HostConfig.local(concurrency)));
        for (HostConfig docker : book.configured()) {
            List<Integer> gpus = docker.gpuIds().orElse(List.of());
            List<Slot> slots = Slots.of(docker.name(), 0, gpus, docker.cpuSlots());
            hosts.add(new Host(docker.name(), "Docker", 0, gpus, slots, Optional.empty(),
                    run.target() == RunSpec.Target.DOCKER ? "" : "Not used by this study: its run.target is local.",
                    docker));
        }
        return hosts;
    }

    @Override
    public Check test(String name) {
        calls.add("test " + name);
        return answer;
    }

    @Override
    public Check test(Draft draft) {
        calls.add("test draft " + draft.name() + " " + draft.endpoint());
        return answer;
    }

    @Override
    public void add(Draft draft) {
        calls.add("add " + draft.name());
        book.addDocker(draft.name(), draft.endpoint(), draft.tlsDir(), draft.gpuIds(), draft.slots());
    }

    @Override
    public void drain(String name, boolean drain) {
        calls.add((drain ? "drain " : "open ") + name);
        book.drain(name, drain);
    }

    @Override
    public void remove(String name) {
        calls.add("remove " + name);
        book.remove(name);
    }

    @Override
    public boolean editable() {
        return true;
    }
}
