package dev.groundwork.runners.local;

import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.runners.common.FailureClassifier;
import dev.groundwork.runners.common.LineReader;
import dev.groundwork.runners.common.RunOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started process: a thread per output stream and one that waits for its end, enforces its timeout, stops what it
 * left behind and reports its exit, once, after its last line.
 */
final class LocalRun implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
    /** How long output may still arrive once the process tree is gone (a process outside it may hold the pipe). */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final long runId;
    private final Process process;
    private final ProcessTree tree;
    private final RunOutput output;
    private final RunListener listener;
    private final Duration grace;
    private final long startNanos = System.nanoTime();
    private final AtomicReference<FailureClass> stoppedBy = new AtomicReference<>();
    private final List<Thread> readers;

    private LocalRun(RunLaunch launch, Process process, Optional<Posix> group, RunOutput output, RunListener listener,
                     Duration grace) {
        this.runId = launch.runId();
        this.process = process;
        this.tree = new ProcessTree(process.toHandle(), group);
        this.output = output;
        this.listener = listener;
        this.grace = grace;
        this.readers = List.of(reader("stdout", process.getInputStream(), false),
                reader("stderr", process.getErrorStream(), true));
    }

    /**
     * Starts {@code builder}'s process.
     *
     * @param group present when {@code builder} puts the process in a process group of its own
     */
    static LocalRun start(ProcessBuilder builder, RunLaunch launch, Optional<Posix> group, RunListener listener,
                          Duration grace) throws RunStartException {
        RunOutput output;
        try {
            output = RunOutput.open(launch.runId(), launch.logFile(), listener);
        } catch (IOException e) {
            throw new RunStartException("Cannot write the run's log file " + launch.logFile() + " (" + e.getMessage()
                    + "); check that the study folder is writable.", e);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            output.close();
            throw new RunStartException("Could not start " + launch.command().getFirst() + " (" + e.getMessage()
                    + "); check run.command in groundwork.yaml.", e);
        }
        LocalRun run = new LocalRun(launch, process, group, output, listener, grace);
        LOG.debug("Run {} started as process {} in slot {}.", run.runId, process.pid(), launch.slot().label());
        closeStdin(process);
        run.readers.forEach(Thread::start);
        Thread.ofPlatform().daemon().name("run-" + run.runId + "-wait").start(() -> run.await(launch.timeout()));
        return run;
    }

    @Override
    public String id() {
        return String.valueOf(process.pid());
    }

    @Override
    public void cancel() {
        stop(FailureClass.CANCELLED);
    }

    /** Stops the tree in the background; the first reason to stop is the one reported. */
    private void stop(FailureClass reason) {
        if (process.isAlive() && stoppedBy.compareAndSet(null, reason)) {
            LOG.info("Run {} ({}): stopping its process tree.", runId, reason.wireName());
            Thread.ofVirtual().name("run-" + runId + "-stop").start(() -> tree.terminate(grace));
        }
    }

    private void await(Duration timeout) {
        Integer exitCode = null;
        try {
            if (timeout != null && !process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                stop(FailureClass.TIMEOUT);
            }
            exitCode = process.waitFor();
        } catch (InterruptedException e) {
            stop(FailureClass.INFRA);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        tree.terminate(grace); // what the run left behind; also waits for a stop under way
        drainReaders();
        List<String> tail = output.close();
        FailureClass failure = exitCode == null
                ? FailureClass.INFRA
                : FailureClassifier.classify(exitCode, stoppedBy.get(), tail);
        LOG.debug("Run {} exited with {} after {} s: {}.", runId, exitCode, seconds, failure);
        try {
            listener.onExit(new RunExit(exitCode, failure, tail, seconds));
        } catch (RuntimeException e) {
            LOG.error("Run {}: its listener failed on its exit.", runId, e);
        }
    }

    private void drainReaders() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        try {
            for (Thread reader : readers) {
                reader.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (readers.stream().anyMatch(Thread::isAlive)) {
            LOG.warn("Run {}: a process outside its process tree still holds its output open; what it writes now is"
                    + " not recorded.", runId);
        }
    }

    private Thread reader(String name, InputStream stream, boolean stderr) {
        return Thread.ofPlatform().daemon().name("run-" + runId + "-" + name).unstarted(() -> {
            try (stream) {
                LineReader.pump(stream, new LineReader.Sink() {
                    @Override
                    public void line(String line) {
                        output.line(line, stderr);
                    }

                    @Override
                    public void idle() {
                        output.flush();
                    }
                });
            } catch (IOException e) {
                LOG.debug("Run {}: reading its {} stopped: {}", runId, name, e.getMessage());
            }
        });
    }

    /** A run reads no input: closing its stdin makes a read end at once instead of waiting forever. */
    private static void closeStdin(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("Closing a run's stdin failed: {}", e.getMessage());
        }
    }
}
