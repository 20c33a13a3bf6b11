package dev.groundwork.runners.docker;

import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import dev.groundwork.model.execution.ContainerOptions;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.runners.common.RunOutput;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs in containers of one Docker daemon, on this machine or a server: each run's workspace is copied in as a tar (no
 * shared disk needed), its container boxed as {@link ContainerRequest} says and labelled with its study, run, GPUs and
 * owner, its log followed line by line, its artifacts copied out and the container removed when it ends. The image must
 * already be on the host: Groundwork never pulls (the hosts it is made for reach no registry), and a missing image is
 * refused with the command that builds it.
 */
public final class DockerRunTarget implements RunTarget {

    private static final Logger LOG = LoggerFactory.getLogger(DockerRunTarget.class);
    /** How long a stopped run may take to exit after TERM before it gets KILL. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    private static final String CONTAINER_ID = "[0-9a-f]{64}";

    private final HostConfig host;
    private final List<Slot> slots;
    private final DockerClients clients;
    private final Duration grace;
    /** Containers this target started or follows, whose GPUs are not "held elsewhere". */
    private final Set<String> ours = ConcurrentHashMap.newKeySet();
    /** Containers of runs the daemon took down, removed once it answers again. */
    private final Set<String> leftBehind = ConcurrentHashMap.newKeySet();

    public DockerRunTarget(HostConfig host, List<Slot> slots, DockerClients clients, Duration grace) {
        this.host = host;
        this.slots = List.copyOf(slots);
        this.clients = clients;
        this.grace = grace;
    }

    @Override
    public String host() {
        return host.name();
    }

    @Override
    public List<Slot> slots() {
        return slots;
    }

    @Override
    public boolean runsInContainers() {
        return true;
    }

    @Override
    public RunHandle start(RunLaunch launch, RunListener listener) throws RunStartException {
        if (!slots.contains(launch.slot())) {
            throw new IllegalArgumentException("Slot " + launch.slot().label() + " is not a slot of " + host() + ".");
        }
        ContainerOptions options = launch.container().orElseThrow(() -> new RunStartException("Runs on Docker host "
                + host() + " need an image: set run.image in groundwork.yaml (e.g. image: groundwork/charlm:py3-numpy)."));
        if (!Files.isDirectory(launch.workspace())) {
            throw new RunStartException("The run's workspace " + launch.workspace() + " does not exist; retry the run"
                    + " so that Groundwork checks its code out again.");
        }
        DockerConnection docker = connection();
        String digest = imageDigest(docker, options.image(), launch);
        ContainerRequest request = ContainerRequest.of(launch, options, clients.owner().label());
        String id = null;
        try {
            CreateContainerResponse created = request.applyTo(docker.commands().createContainerCmd(options.image()))
                    .exec();
            id = created.getId();
            ours.add(id);
            copyIn(docker, id, launch.workspace(), options.user());
            RunOutput output = openLog(launch, listener);
            docker.commands().startContainerCmd(id).exec();
            LOG.debug("Run {} started in container {} on {} ({}).", launch.runId(), id, host(), launch.slot().label());
            return DockerRun.follow(docker, id, launch, output, listener, grace,
                    new RunHandle.HostFacts(digest, null), Instant.now(), this::ended);
        } catch (RuntimeException e) {
            discard(docker, id);
            if (DockerFailures.unreachable(e)) {
                throw RunStartException.hostDown(docker.unreachableSentence(e), e);
            }
            throw new RunStartException(refusal(launch, e), e);
        }
    }

    @Override
    public boolean reap(String handle) {
        if (handle == null || !handle.matches(CONTAINER_ID)) {
            return false; // a local process id, or nothing this target could have started
        }
        try {
            DockerConnection docker = clients.connect(host);
            InspectContainerResponse container = docker.commands().inspectContainerCmd(handle).exec();
            if (!labels(container).containsKey(Labels.RUN)) {
                LOG.info("Container {} on {} is not a Groundwork run; leaving it alone.", handle, host());
                return false;
            }
            if (Boolean.TRUE.equals(container.getState().getRunning())) {
                stopQuietly(docker, handle);
            }
            docker.commands().removeContainerCmd(handle).withForce(true).withRemoveVolumes(true).exec();
            LOG.info("Removed container {} of run {}, left by an earlier Groundwork on {}.", handle,
                    labels(container).get(Labels.RUN), host());
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (DockerUnavailable | RuntimeException e) {
            LOG.warn("Could not reap container {} on {}: {}", handle, host(), e.getMessage());
            return false;
        }
    }

    /**
     * Follows the run's container when it still runs. Its output is read again from its start, and the lines that the
     * run's log file already holds are dropped (counted, not matched by time: {@code docker logs --since} counts whole
     * seconds, which would repeat or lose the lines of the second Groundwork died in; the daemon replays the same
     * frames in the same order, so the n-th line is the same line). Lines the dead Groundwork had not yet written to
     * the file come again, so none is lost.
     */
    @Override
    public Optional<RunHandle> reattach(String handle, RunLaunch launch, RunListener listener) {
        if (handle == null || !handle.matches(CONTAINER_ID)) {
            return Optional.empty();
        }
        try {
            DockerConnection docker = clients.connect(host);
            InspectContainerResponse container = docker.commands().inspectContainerCmd(handle).exec();
            if (!String.valueOf(launch.runId()).equals(labels(container).get(Labels.RUN))
                    || !Boolean.TRUE.equals(container.getState().getRunning())) {
                return Optional.empty();
            }
            ours.add(handle);
            RunOutput output = RunOutput.resume(launch.runId(), launch.logFile(), listener);
            String digest = imageDigestQuietly(docker, container.getImageId());
            Instant startedAt = Instant.parse(container.getState().getStartedAt());
            LOG.info("Following run {} again in container {} on {}.", launch.runId(), handle, host());
            return Optional.of(DockerRun.follow(docker, handle, launch, output, listener, grace,
                    new RunHandle.HostFacts(digest, null), startedAt, this::ended));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (DockerUnavailable | IOException | RuntimeException e) {
            LOG.warn("Could not follow run {} again on {}: {}", launch.runId(), host(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public HostHealth check() {
        try {
            DockerConnection docker = clients.connect(host);
            HostHealth health = HostCheck.check(docker, host, slots);
            if (health.healthy()) {
                removeLeftBehind(docker);
            }
            return health;
        } catch (DockerUnavailable e) {
            return HostHealth.unhealthy(e.getMessage());
        } catch (RuntimeException e) {
            return HostHealth.unhealthy(DockerFailures.unreachable(e)
                    ? DockerFailures.unreachableSentence(host(), host.endpoint().orElse(""), host.tlsDir(), e)
                    : "Host " + host() + "'s Docker daemon failed a check (" + DockerFailures.daemonMessage(e)
                    + "): look at its log (journalctl -u docker).");
        }
    }

    @Override
    public Set<Integer> gpusHeldElsewhere() {
        try {
            DockerConnection docker = clients.connect(host);
            Set<Integer> held = new HashSet<>();
            for (Container container : docker.commands().listContainersCmd().withLabelFilter(List.of(Labels.GPU))
                    .exec()) {
                if (!ours.contains(container.getId())) {
                    for (String id : container.getLabels().getOrDefault(Labels.GPU, "").split(",")) {
                        if (id.strip().matches("\\d{1,4}")) {
                            held.add(Integer.parseInt(id.strip()));
                        }
                    }
                }
            }
            return held;
        } catch (DockerUnavailable | RuntimeException e) {
            LOG.debug("Could not list the GPUs other Groundworks hold on {}: {}", host(), e.getMessage());
            return Set.of();
        }
    }

    private DockerConnection connection() throws RunStartException {
        try {
            return clients.connect(host);
        } catch (DockerUnavailable e) {
            throw RunStartException.hostDown(e.getMessage(), e);
        }
    }

    /** The image's content digest; a sentence with the command that builds it when the host lacks it. */
    private String imageDigest(DockerConnection docker, String image, RunLaunch launch) throws RunStartException {
        try {
            return digestOf(docker.commands().inspectImageCmd(image).exec());
        } catch (NotFoundException e) {
            throw new RunStartException("Image " + image + " is not on host " + host() + ": build it there with"
                    + " `groundwork image build " + studyDir(launch) + " --host " + host() + "` (or load it with"
                    + " docker load).", e);
        } catch (RuntimeException e) {
            if (DockerFailures.unreachable(e)) {
                throw RunStartException.hostDown(docker.unreachableSentence(e), e);
            }
            throw new RunStartException("Host " + host() + " could not look up image " + image + " ("
                    + DockerFailures.daemonMessage(e) + ").", e);
        }
    }

    private static String imageDigestQuietly(DockerConnection docker, String imageId) {
        try {
            return digestOf(docker.commands().inspectImageCmd(imageId).exec());
        } catch (RuntimeException e) {
            return imageId;
        }
    }

    /** A registry digest when the image came from one (portable across hosts), else its local content id. */
    private static String digestOf(InspectImageResponse image) {
        List<String> repoDigests = image.getRepoDigests();
        if (repoDigests != null && !repoDigests.isEmpty()) {
            String first = repoDigests.getFirst();
            return first.substring(first.indexOf('@') + 1);
        }
        return image.getId();
    }

    /** Streams the workspace's tar into the container as it is written, so that no copy of it lands on disk. */
    private static void copyIn(DockerConnection docker, String id, Path workspace, String user) {
        AtomicReference<IOException> failed = new AtomicReference<>();
        try (PipedInputStream in = new PipedInputStream(1 << 16)) {
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = Thread.ofVirtual().name("tar-" + id.substring(0, 12)).start(() -> {
                try (out) {
                    WorkspaceArchive.write(workspace, user, out);
                } catch (IOException e) {
                    failed.set(e);
                }
            });
            docker.commands().copyArchiveToContainerCmd(id).withRemotePath("/").withTarInputStream(in).exec();
            writer.join();
        } catch (IOException e) {
            failed.compareAndSet(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying the workspace in", e);
        }
        if (failed.get() != null) {
            throw new IllegalStateException("Could not copy the workspace " + workspace + " into the container ("
                    + failed.get().getMessage() + ")", failed.get());
        }
    }

    private static RunOutput openLog(RunLaunch launch, RunListener listener) {
        try {
            return RunOutput.open(launch.runId(), launch.logFile(), listener);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the run's log file " + launch.logFile() + " ("
                    + e.getMessage() + "); check that the study folder is writable", e);
        }
    }

    /** A start the daemon refused, in its words, with what to do where Groundwork knows. */
    private String refusal(RunLaunch launch, RuntimeException e) {
        String message = e instanceof DockerException ? DockerFailures.daemonMessage(e) : e.getMessage();
        if (message != null && message.contains("could not select device driver")) {
            return "Host " + host() + " cannot give containers GPUs (" + message + "): install the NVIDIA Container"
                    + " Toolkit there and restart dockerd, or remove the host's GPUs from its settings.";
        }
        if (message != null && message.contains("executable file not found")) {
            return "Image " + launch.container().map(ContainerOptions::image).orElse("") + " has no "
                    + launch.command().getFirst() + " (" + message + "): check run.command and run.image in"
                    + " groundwork.yaml.";
        }
        return "Host " + host() + " could not start the run's container (" + message + ").";
    }

    private void ended(DockerRun.Ended ended) {
        ours.remove(ended.containerId());
        if (!ended.removed()) {
            leftBehind.add(ended.containerId());
        }
    }

    private void removeLeftBehind(DockerConnection docker) {
        for (String id : List.copyOf(leftBehind)) {
            try {
                docker.commands().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
                leftBehind.remove(id);
            } catch (NotFoundException e) {
                leftBehind.remove(id);
            } catch (RuntimeException e) {
                LOG.debug("Container {} on {} could not be removed yet: {}", id, host(), e.getMessage());
            }
        }
    }

    private void discard(DockerConnection docker, String id) {
        if (id == null) {
            return;
        }
        ours.remove(id);
        try {
            docker.commands().removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException e) {
            leftBehind.add(id);
        }
    }

    private void stopQuietly(DockerConnection docker, String id) {
        try {
            docker.commands().stopContainerCmd(id).withTimeout((int) Math.max(1, grace.toSeconds())).exec();
        } catch (NotModifiedException e) {
            LOG.debug("Container {} had already stopped.", id);
        }
    }

    private static Map<String, String> labels(InspectContainerResponse container) {
        Map<String, String> labels = container.getConfig() == null ? null : container.getConfig().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** The study folder that holds {@code runs/<id>/log.txt}, as the researcher would name it in a command. */
    private static String studyDir(RunLaunch launch) {
        Path runDir = launch.logFile().toAbsolutePath().getParent();
        Path runs = runDir == null ? null : runDir.getParent();
        return runs != null && runs.getFileName() != null && runs.getFileName().toString().equals("runs")
                && runs.getParent() != null ? runs.getParent().toString() : "STUDY";
    }
}
