package dev.groundwork.runners.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes of one run: every descendant of its leader and, when the leader was started in a process group of its
 * own, every process of that group. The group catches what the descendants walk misses: a grandchild that detached
 * (double fork) is re-parented away from the leader but stays in the group. A process that starts a session of its own
 * is caught only while it is still a descendant.
 */
final class ProcessTree {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessTree.class);
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;

    private final ProcessHandle leader;
    private final Optional<Posix> group; // present when the leader leads a group of its own
    private final Set<ProcessHandle> seen = new HashSet<>();

    ProcessTree(ProcessHandle leader, Optional<Posix> group) {
        this.leader = leader;
        this.group = group;
    }

    /**
     * Stops every process of the tree: TERM, then KILL to whatever is left after {@code grace}. Returns at once when
     * nothing is left, which is the common case after a run ends by itself. One call at a time.
     */
    synchronized void terminate(Duration grace) {
        if (living().isEmpty()) {
            return;
        }
        signal(Posix.SIGTERM);
        if (awaitGone(grace)) {
            return;
        }
        LOG.info("Processes {} of the tree of {} still run {} after TERM; sending KILL.", describe(living()),
                leader.pid(), grace);
        signal(Posix.SIGKILL);
        if (!awaitGone(AFTER_KILL)) {
            LOG.warn("Processes {} of the tree of {} survived KILL.", describe(living()), leader.pid());
        }
    }

    private void signal(int signal) {
        group.ifPresent(posix -> posix.killGroup(leader.pid(), signal));
        for (ProcessHandle process : living()) {
            if (signal == Posix.SIGKILL) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
        }
    }

    private boolean awaitGone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!living().isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The tree's processes still running (zombies, which no signal can stop, do not count). */
    private Set<ProcessHandle> living() {
        if (leader.isAlive()) {
            seen.add(leader);
            leader.descendants().forEach(seen::add);
        }
        // kill(-pgid, 0) fails fast when the group is empty; only otherwise is the process table searched
        group.filter(posix -> posix.killGroup(leader.pid(), 0)).ifPresent(posix -> ProcessHandle.allProcesses()
                .filter(process -> posix.groupOf(process.pid()) == leader.pid())
                .forEach(seen::add));
        seen.removeIf(process -> !isRunning(process));
        return Set.copyOf(seen);
    }

    /**
     * Alive and not a zombie. Java counts a zombie as alive, and an orphan stays a zombie until init reaps it, which
     * some inits (in containers and VMs) do only now and then.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2); // the command in (...) may contain anything
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no /proc (macOS), or it just ended
        }
    }

    private static String describe(Set<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).sorted().toList().toString();
    }
}
