package dev.groundwork.views.settings;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.spec.RunSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where runs go: this machine's processes, and the Docker hosts of the user's settings, which the page adds, tests,
 * drains and removes. The app implements it with the settings' host book, the runners' GPU probe and their run
 * targets; every method may block (it runs {@code nvidia-smi}, writes the settings file, asks a Docker daemon), so the
 * page calls them off the UI thread. A change the host book refuses is a {@link RuntimeException} whose message is a
 * sentence saying what to fix.
 */
public interface ExecutionHosts {

    /** The hosts, this machine first, and the slots a study's run settings give each; {@code concurrency} caps runs. */
    List<Host> hosts(RunSpec run, int concurrency);

    /** Asks a host the page lists ({@link HostConfig#LOCAL} or a Docker host's name) whether it can take runs. */
    Check test(String name);

    /** Asks a Docker host that is not added yet whether it can take runs, with the draft's values. */
    Check test(Draft draft);

    /** Adds a Docker host to the user's settings; every mistake is refused with a sentence before anything is saved. */
    void add(Draft draft);

    /** A draining host finishes its runs and takes no new ones; {@code false} opens it again. */
    void drain(String name, boolean drain);

    /** Forgets a Docker host; its containers and images are left as they are. */
    void remove(String name);

    /** Whether this window can change the hosts (add, drain, remove); a window without the settings cannot. */
    boolean editable();

    /**
     * One host.
     *
     * @param kind     e.g. "Local processes on this machine", "Docker"
     * @param cpuCores the cores this machine's processes share; 0 for a Docker host (its daemon's machine is not asked)
     * @param gpuIds   its GPUs: for this machine as {@code nvidia-smi} numbers them, for a Docker host those its settings
     *                 name; empty when it has none
     * @param slots    where this study's runs can go there; never two runs on one slot
     * @param problem  why the study cannot run there as its spec stands, as a sentence
     * @param note     how the study uses it when there is nothing wrong, e.g. that its target is another kind of host;
     *                 empty when the study's runs go there
     * @param config   how the researcher configured it (endpoint, TLS folder, slots, draining)
     */
    record Host(String name, String kind, int cpuCores, List<Integer> gpuIds, List<Slot> slots,
                Optional<String> problem, String note, HostConfig config) {

        public Host {
            gpuIds = List.copyOf(gpuIds);
            slots = List.copyOf(slots);
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(config, "config");
        }

        public boolean docker() {
            return config.kind() == HostConfig.Kind.DOCKER;
        }
    }

    /**
     * A Docker host as the add form holds it.
     *
     * @param tlsDir for a {@code tcp://} endpoint: the folder with ca.pem, cert.pem and key.pem
     * @param gpuIds the GPUs runs may use there; empty for CPU runs only
     * @param slots  runs at once there when runs use no GPU
     */
    record Draft(String name, String endpoint, Optional<Path> tlsDir, Optional<List<Integer>> gpuIds, int slots) {

        public Draft {
            Objects.requireNonNull(tlsDir, "tlsDir");
            gpuIds = gpuIds.map(List::copyOf);
        }
    }

    /**
     * What a host test found.
     *
     * @param facts    what it learned (API version, GPUs, runtimes…), one line each
     * @param sentence that it can take runs, or why it cannot and what to do
     */
    record Check(boolean ok, List<String> facts, String sentence) {

        public Check {
            facts = List.copyOf(facts);
        }
    }

    /** A window that knows no hosts (tests of other pages). */
    ExecutionHosts NONE = new ExecutionHosts() {
        @Override
        public List<Host> hosts(RunSpec run, int concurrency) {
            return List.of();
        }

        @Override
        public Check test(String name) {
            return new Check(false, List.of(), "This window cannot reach the hosts.");
        }

        @Override
        public Check test(Draft draft) {
            return test(draft.name());
        }

        @Override
        public void add(Draft draft) {
            throw cannotChange();
        }

        @Override
        public void drain(String name, boolean drain) {
            throw cannotChange();
        }

        @Override
        public void remove(String name) {
            throw cannotChange();
        }

        private IllegalStateException cannotChange() {
            return new IllegalStateException("This window cannot change the hosts.");
        }

        @Override
        public boolean editable() {
            return false;
        }
    };
}
