package dev.groundwork.runners.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.runners.common.FailureClassifier;
import dev.groundwork.runners.common.RunOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's container from its start (or from when a later Groundwork found it running) to its end, on a thread of its
 * own: follows its log stream into lines, stops it at its timeout or on a cancel ({@code docker stop}: TERM, then KILL
 * after the grace period), and once it stopped reads its exit code and whether the kernel killed it for memory, copies
 * its artifacts out and removes it, then reports its exit once, after its last line. While the stream is open the
 * daemon is pinged every few seconds; a daemon that stops answering ends the run as an {@code infra} failure, which
 * the scheduler runs again elsewhere.
 */
final class DockerRun implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(DockerRun.class);
    /** How often the follower looks at the clock (timeout) and, every {@link #PINGS}th time, pings the daemon. */
    private static final long SLICE_MILLIS = 500;
    private static final int PINGS = 6;
    /** Pings in a row that may fail before the daemon counts as gone (one may fail while it is busy). */
    private static final int MISSED_PINGS = 2;
    /** A shell's and docker-init's status for a command that could not be executed. */
    private static final int NOT_EXECUTABLE = 127;
    /** What docker-init (tini) writes when it cannot execute the run's command. */
    private static final Pattern INIT_EXEC_FAILED = Pattern.compile("\\[FATAL tini \\(\\d+\\)\\] exec (.+) failed: (.+)");

    private final DockerConnection docker;
    private final String containerId;
    private final RunLaunch launch;
    private final RunOutput output;
    private final RunListener listener;
    private final Duration grace;
    private final HostFacts facts;
    private final Consumer<Ended> onEnd;
    private final AtomicReference<FailureClass> stoppedBy = new AtomicReference<>();
    private final long startNanos = System.nanoTime();

    /** How a container's run ended, for its target's bookkeeping: whether it is gone from the daemon. */
    record Ended(String containerId, boolean removed) {}

    private DockerRun(DockerConnection docker, String containerId, RunLaunch launch, RunOutput output,
                      RunListener listener, Duration grace, HostFacts facts, Consumer<Ended> onEnd) {
        this.docker = docker;
        this.containerId = containerId;
        this.launch = launch;
        this.output = output;
        this.listener = listener;
        this.grace = grace;
        this.facts = facts;
        this.onEnd = onEnd;
    }

    /**
     * Follows a started container: its log from the beginning into {@code output} (which drops what its log file
     * already holds, for a run followed again), until its end; the timeout counts from {@code startedAt}.
     */
    static DockerRun follow(DockerConnection docker, String containerId, RunLaunch launch, RunOutput output,
                            RunListener listener, Duration grace, HostFacts facts, Instant startedAt,
                            Consumer<Ended> onEnd) {
        DockerRun run = new DockerRun(docker, containerId, launch, output, listener, grace, facts, onEnd);
        Instant deadline = launch.timeout() == null ? null : startedAt.plus(launch.timeout());
        Thread.ofPlatform().daemon().name("run-" + launch.runId() + "-docker").start(() -> run.await(deadline));
        return run;
    }

    @Override
    public String id() {
        return containerId;
    }

    @Override
    public void cancel() {
        stop(FailureClass.CANCELLED);
    }

    @Override
    public HostFacts facts() {
        return facts;
    }

    /** Stops the container in the background; the first reason to stop is the one reported. */
    private void stop(FailureClass reason) {
        if (stoppedBy.compareAndSet(null, reason)) {
            LOG.info("Run {} ({}): stopping container {}.", launch.runId(), reason.wireName(), containerId);
            Thread.ofVirtual().name("run-" + launch.runId() + "-stop").start(() -> {
                try {
                    docker.commands().stopContainerCmd(containerId).withTimeout((int) Math.max(1, grace.toSeconds()))
                            .exec();
                } catch (NotModifiedException | NotFoundException e) {
                    LOG.debug("Run {}: its container had already stopped.", launch.runId());
                } catch (RuntimeException e) {
                    LOG.warn("Run {}: stopping its container failed: {}", launch.runId(), e.getMessage());
                }
            });
        }
    }

    private void await(Instant deadline) {
        RunExit exit;
        boolean removed = false;
        try {
            String lost = followLogs(deadline);
            if (lost != null) {
                exit = infra(lost);
            } else {
                InspectContainerResponse.ContainerState state = stoppedState();
                catchUp();
                copyArtifacts();
                removed = remove();
                int code = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
                boolean oom = Boolean.TRUE.equals(state.getOOMKilled());
                List<String> tail = explained(code, output.close());
                exit = new RunExit(code, FailureClassifier.classifyContainer(code, oom, stoppedBy.get(), tail), tail,
                        seconds(state));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = infra("Groundwork stopped following the run.");
        } catch (RuntimeException e) {
            exit = DockerFailures.unreachable(e) ? infra(docker.unreachableSentence(e))
                    : infra("The Docker daemon of " + docker.host() + " failed on the run's container: "
                    + DockerFailures.daemonMessage(e) + ".");
        }
        LOG.debug("Run {} in container {} exited with {}: {}.", launch.runId(), containerId, exit.exitCode(),
                exit.failure());
        onEnd.accept(new Ended(containerId, removed));
        try {
            listener.onExit(exit);
        } catch (RuntimeException e) {
            LOG.error("Run {}: its listener failed on its exit.", launch.runId(), e);
        }
    }

    /** Follows the log to its end; returns why the daemon was lost, or null when the container stopped. */
    private String followLogs(Instant deadline) throws InterruptedException {
        FrameLines frames = new FrameLines(output);
        docker.streams().logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
                .withTailAll().exec(frames);
        int slices = 0;
        int missed = 0;
        while (!frames.awaitEnd(SLICE_MILLIS)) {
            if (deadline != null && Instant.now().isAfter(deadline)) {
                stop(FailureClass.TIMEOUT);
            }
            if (++slices % PINGS == 0) {
                missed = docker.answers() ? 0 : missed + 1;
                if (missed >= MISSED_PINGS) {
                    frames.close();
                    return "The Docker daemon of " + docker.host() + " stopped answering during the run.";
                }
            }
        }
        Throwable failure = frames.failure();
        if (failure != null && DockerFailures.unreachable(failure)) {
            return docker.unreachableSentence(failure);
        }
        return null;
    }

    /**
     * The container's state once it stopped. The log stream ends when the container does, but its end may reach
     * Groundwork a moment before the daemon records the exit; waiting for the container settles that.
     */
    private InspectContainerResponse.ContainerState stoppedState() {
        InspectContainerResponse.ContainerState state = docker.commands().inspectContainerCmd(containerId).exec()
                .getState();
        if (Boolean.TRUE.equals(state.getRunning())) {
            docker.streams().waitContainerCmd(containerId)
                    .exec(new com.github.dockerjava.api.command.WaitContainerResultCallback()).awaitStatusCode();
            state = docker.commands().inspectContainerCmd(containerId).exec().getState();
        }
        return state;
    }

    /**
     * Reads the stopped container's whole log once more and passes on what the follower missed: the daemon may end a
     * follow stream before its log holds the last output (a last line without a line break, typically), and a line
     * the follower holds unfinished is only whole in a complete read. The lines already passed on are dropped.
     */
    private void catchUp() throws InterruptedException {
        output.replay();
        FrameLines all = new FrameLines(output);
        docker.streams().logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(false)
                .withTailAll().exec(all);
        if (!all.awaitEnd(DockerConnection.ANSWER.toMillis())) {
            all.close();
            LOG.warn("Run {}: reading its whole log again took too long; its last lines may be missing.",
                    launch.runId());
        } else if (all.failure() != null) {
            LOG.warn("Run {}: reading its whole log again failed ({}); its last lines may be missing.",
                    launch.runId(), DockerFailures.rootMessage(all.failure()));
        }
        all.finish();
    }

    private void copyArtifacts() {
        List<String> paths = launch.container().map(options -> options.artifacts()).orElse(List.of());
        if (paths.isEmpty()) {
            return;
        }
        Path into = launch.logFile().toAbsolutePath().getParent().resolve("artifacts");
        for (String path : paths) {
            Path relative = Path.of(path).normalize();
            if (relative.isAbsolute() || relative.startsWith("..")) {
                output.note("Artifact " + path + " is not a path inside the workspace; it was not copied.");
                continue;
            }
            Path parent = relative.getParent() == null ? into : into.resolve(relative.getParent());
            String source = ContainerRequest.WORKDIR + "/" + relative.toString().replace('\\', '/');
            try (InputStream tar = docker.commands().copyArchiveFromContainerCmd(containerId, source).exec()) {
                Files.createDirectories(parent);
                ArtifactArchive.extract(tar, parent);
            } catch (NotFoundException e) {
                LOG.info("Run {}: its artifact {} does not exist.", launch.runId(), path);
                output.note("Artifact " + path + " was not in the workspace when the run ended.");
            } catch (IOException e) {
                LOG.warn("Run {}: copying its artifact {} failed: {}", launch.runId(), path, e.getMessage());
                output.note("Artifact " + path + " could not be copied out (" + e.getMessage() + ").");
            }
        }
    }

    private boolean remove() {
        try {
            docker.commands().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            return true;
        } catch (NotFoundException e) {
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Run {}: removing its container {} failed: {}", launch.runId(), containerId, e.getMessage());
            return false;
        }
    }

    /**
     * The tail, with a sentence after it when the container's init could not execute the command (exit 127): the image
     * lacks it, which the daemon cannot tell at the start because its init, not the command, is what starts.
     */
    private List<String> explained(int code, List<String> tail) {
        if (code != NOT_EXECUTABLE || tail.isEmpty()) {
            return tail;
        }
        Matcher fatal = INIT_EXEC_FAILED.matcher(tail.getLast());
        if (!fatal.matches()) {
            return tail;
        }
        String image = launch.container().map(options -> options.image()).orElse("the image");
        List<String> explained = new ArrayList<>(tail);
        explained.add("Image " + image + " has no " + fatal.group(1) + " (" + fatal.group(2) + "): check run.command"
                + " and run.image in groundwork.yaml.");
        return explained;
    }

    private RunExit infra(String why) {
        LOG.warn("Run {} on {}: {}", launch.runId(), docker.host(), why);
        output.note(why);
        List<String> tail = output.close();
        return new RunExit(null, FailureClass.INFRA, tail, (System.nanoTime() - startNanos) / 1e9);
    }

    /** The daemon's own account of how long the container ran, else the time Groundwork followed it. */
    private double seconds(InspectContainerResponse.ContainerState state) {
        try {
            if (state.getStartedAt() != null && state.getFinishedAt() != null
                    && !state.getFinishedAt().startsWith("0001-")) {
                return Duration.between(Instant.parse(state.getStartedAt()), Instant.parse(state.getFinishedAt()))
                        .toNanos() / 1e9;
            }
        } catch (DateTimeParseException e) {
            LOG.debug("Run {}: unreadable start or finish time: {}", launch.runId(), e.getMessage());
        }
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
