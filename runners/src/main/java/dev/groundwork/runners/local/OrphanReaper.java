package dev.groundwork.runners.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a run that an earlier Groundwork started and lost when it died. Its handle is a process id, and process ids
 * are reused, so a process counts as ours only when it leads its own session (every run here is started through
 * {@code setsid}), belongs to this user, and works in a folder under a {@code runs} folder (read from
 * {@code /proc}; where that cannot be read, nothing is stopped).
 */
final class OrphanReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);

    private final Optional<Posix> posix;
    private final Duration grace;

    OrphanReaper(Optional<Posix> posix, Duration grace) {
        this.posix = posix;
        this.grace = grace;
    }

    boolean reap(String handle) {
        if (handle == null || !handle.matches("[0-9]{1,10}")) {
            LOG.warn("'{}' is not the process id of a local run; nothing to stop.", handle);
            return false;
        }
        long pid = Long.parseLong(handle);
        if (pid <= 1 || pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessTree::isRunning);
        if (process.isEmpty() || posix.isEmpty()) {
            return false;
        }
        if (!isOurs(process.get(), posix.get())) {
            LOG.info("Process {} does not look like a Groundwork run (a session leader of this user working under a runs"
                    + " folder); leaving it alone.", pid);
            return false;
        }
        LOG.info("Stopping process {} and its tree, left running by an earlier Groundwork.", pid);
        new ProcessTree(process.get(), posix).terminate(grace);
        return true;
    }

    private static boolean isOurs(ProcessHandle process, Posix posix) {
        Optional<String> us = ProcessHandle.current().info().user();
        return posix.sessionOf(process.pid()) == process.pid()
                && us.isPresent() && us.equals(process.info().user())
                && workingDirectory(process.pid()).map(OrphanReaper::isUnderRuns).orElse(false);
    }

    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** {@code .../runs/12/workspace} or {@code .../runs/12}: some folder inside a folder named runs. */
    private static boolean isUnderRuns(Path dir) {
        for (int i = 0; i < dir.getNameCount() - 1; i++) {
            if (dir.getName(i).toString().equals("runs")) {
                return true;
            }
        }
        return false;
    }
}
