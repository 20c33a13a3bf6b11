package dev.groundwork.runners.local;

import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.runners.common.RunEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs as processes of this machine. Each run is started through {@code setsid}, so that it leads a process group (and
 * session) of its own and a timeout or cancel stops all it started, detached grandchildren included: TERM first, KILL
 * after a grace period. Whatever a run leaves running when it ends is stopped the same way, so that it cannot hold on
 * to the slot's GPUs. Without {@code setsid} on PATH (macOS) the tree is found by walking descendants, which misses
 * grandchildren that detached, and orphans cannot be reaped.
 */
public final class LocalProcessTarget implements RunTarget {

    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessTarget.class);
    /** How long a stopped run may take to exit after TERM before it gets KILL. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    private final String host;
    private final List<Slot> slots;
    private final Map<String, String> inherited;
    private final Duration grace;
    private final Optional<Path> setsid;
    private final Optional<Posix> group;
    private final OrphanReaper reaper;

    /**
     * @param inherited the environment runs inherit, before secrets are removed (Groundwork's own, normally)
     * @param grace     how long a stopped run may take to exit after TERM before it gets KILL
     */
    public LocalProcessTarget(String host, List<Slot> slots, Map<String, String> inherited, Duration grace) {
        this.host = host;
        this.slots = List.copyOf(slots);
        this.inherited = Map.copyOf(inherited);
        this.grace = grace;
        Optional<Posix> posix = Posix.load();
        this.setsid = posix.flatMap(p -> CommandCheck.onPath("setsid", inherited.get("PATH")));
        this.group = setsid.flatMap(p -> posix);
        this.reaper = new OrphanReaper(group, grace);
        if (setsid.isEmpty()) {
            LOG.info("setsid was not found on PATH: stopping a local run stops its descendants only, and runs left by"
                    + " a crash cannot be reaped.");
        }
    }

    /** {@code concurrency} CPU slots, Groundwork's environment, the default grace. */
    public static LocalProcessTarget cpu(String host, int concurrency) {
        return new LocalProcessTarget(host, Slots.cpu(host, concurrency), System.getenv(), DEFAULT_GRACE);
    }

    /** One slot per {@code gpusPerRun} of {@code gpuIds}, Groundwork's environment, the default grace. */
    public static LocalProcessTarget gpus(String host, List<Integer> gpuIds, int gpusPerRun) {
        return new LocalProcessTarget(host, Slots.gpus(host, gpuIds, gpusPerRun), System.getenv(), DEFAULT_GRACE);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public List<Slot> slots() {
        return slots;
    }

    @Override
    public RunHandle start(RunLaunch launch, RunListener listener) throws RunStartException {
        if (!slots.contains(launch.slot())) {
            throw new IllegalArgumentException("Slot " + launch.slot().label() + " is not a slot of " + host + ".");
        }
        if (!Files.isDirectory(launch.workspace())) {
            throw new RunStartException("The run's workspace " + launch.workspace() + " does not exist; retry the run"
                    + " so that Groundwork checks its code out again.");
        }
        Map<String, String> env = RunEnvironment.of(inherited, launch.env(), launch.slot());
        CommandCheck.check(launch.command(), launch.workspace(), env.get("PATH"));
        List<String> command = new ArrayList<>(launch.command());
        setsid.ifPresent(path -> command.addFirst(path.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workspace().toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return LocalRun.start(builder, launch, group, listener, grace);
    }

    @Override
    public boolean reap(String handle) {
        return reaper.reap(handle);
    }
}
