package dev.groundwork.runners.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.runners.common.RecordingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Groundwork that died leaves its containers running; a later one (a new target on the same endpoint) follows them
 * to their end or stops them. The first Groundwork "dies" by losing its connections: its follower gives up, as a
 * process that is gone would, and leaves the container alone.
 */
class DockerReattachTest {

    private static final Duration GRACE = Duration.ofSeconds(1);

    @TempDir
    Path study;
    private HostConfig host;
    private DockerClients first;
    private DockerClients later;
    private TestDocker.Runs runs;
    private Slot cpu0;

    @BeforeEach
    void setUp() throws Exception {
        host = TestDocker.host("box", List.of());
        first = new DockerClients();
        later = new DockerClients();
        TestDocker.requireImage(first.connect(host).commands(), TestDocker.BUSYBOX);
        runs = new TestDocker.Runs(study);
        cpu0 = Slots.cpu("box", 1).getFirst();
    }

    @AfterEach
    void tearDown() {
        if (first != null) {
            first.close();
            later.close();
        }
    }

    @Test
    void aLaterGroundworkFollowsARunningContainerToItsEndWithoutRepeatingALine() throws Exception {
        RunLaunch launch = runs.shell("i=1; while [ $i -le 40 ]; do echo line $i; i=$((i+1)); sleep 0.2; done",
                cpu0, Duration.ofMinutes(2), TestDocker.options(TestDocker.BUSYBOX));
        RecordingListener dying = new RecordingListener();
        RunHandle started = target(first).start(launch, dying);
        dying.awaitLine("line 3"::equals);

        first.close();
        RunExit lost = dying.awaitExit();
        List<String> before = Files.readAllLines(launch.logFile());
        RecordingListener following = new RecordingListener();
        Optional<RunHandle> followed = target(later).reattach(started.id(), launch, following);
        RunExit exit = following.awaitExit();

        assertThat(lost.failure()).isEqualTo(FailureClass.INFRA);
        assertThat(followed).isPresent();
        assertThat(exit.succeeded()).isTrue();
        List<String> all = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i).toList();
        assertThat(Files.readAllLines(launch.logFile())).containsExactlyElementsOf(all);
        assertThat(before).isNotEmpty().hasSizeLessThan(40);
        assertThat(following.texts(false)).containsExactlyElementsOf(all.subList(before.size(), all.size()));
        assertThat(exit.tail()).last().isEqualTo("line 40");
        assertThatThrownBy(() -> later.connect(host).commands().inspectContainerCmd(started.id()).exec())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aContainerThatIsGoneOrNotRunningOrNotARunOfThisIdIsNotFollowed() throws Exception {
        RunLaunch launch = runs.shell("echo done", cpu0, Duration.ofMinutes(1), TestDocker.options(TestDocker.BUSYBOX));
        RecordingListener listener = new RecordingListener();
        RunHandle ended = target(first).start(launch, listener);
        listener.awaitExit();

        assertThat(target(later).reattach(ended.id(), launch, new RecordingListener())).isEmpty();
        assertThat(target(later).reattach("4242", launch, new RecordingListener())).isEmpty();
    }

    @Test
    void reapingStopsAndRemovesARunsContainerAndLeavesOtherContainersAlone() throws Exception {
        RunLaunch launch = runs.shell("echo started; sleep 60", cpu0, Duration.ofMinutes(2),
                TestDocker.options(TestDocker.BUSYBOX));
        RecordingListener dying = new RecordingListener();
        RunHandle started = target(first).start(launch, dying);
        dying.awaitLine("started"::equals);
        first.close();
        var docker = later.connect(host).commands();
        String stranger = docker.createContainerCmd(TestDocker.BUSYBOX).withCmd("sleep", "60").exec().getId();

        try {
            assertThat(target(later).reap(started.id())).isTrue();
            assertThat(target(later).reap(stranger)).isFalse();
            assertThat(target(later).reap("12345")).isFalse();
            assertThatThrownBy(() -> docker.inspectContainerCmd(started.id()).exec())
                    .isInstanceOf(NotFoundException.class);
            assertThat(docker.inspectContainerCmd(stranger).exec().getId()).isEqualTo(stranger);
        } finally {
            docker.removeContainerCmd(stranger).withForce(true).exec();
        }
    }

    @Test
    void stoppedContainersOfAGroundworkThatIsGoneAreRemovedWhenAClientIsFirstMade() throws Exception {
        var docker = first.connect(host).commands();
        String leftover = docker.createContainerCmd(TestDocker.BUSYBOX).withCmd("true")
                .withLabels(Map.of(Labels.RUN, "7", Labels.OWNER, first.owner().hostname() + ":" + deadPid()))
                .exec().getId();
        String someoneElses = docker.createContainerCmd(TestDocker.BUSYBOX).withCmd("true")
                .withLabels(Map.of(Labels.RUN, "8", Labels.OWNER, first.owner().label())).exec().getId();

        try {
            later.connect(host);

            assertThatThrownBy(() -> docker.inspectContainerCmd(leftover).exec()).isInstanceOf(NotFoundException.class);
            assertThat(docker.inspectContainerCmd(someoneElses).exec().getId()).isEqualTo(someoneElses);
        } finally {
            docker.removeContainerCmd(someoneElses).withForce(true).exec();
        }
    }

    private DockerRunTarget target(DockerClients clients) {
        return new DockerRunTarget(host, List.of(cpu0), clients, GRACE);
    }

    /** A process id that no process has now: one that just ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
