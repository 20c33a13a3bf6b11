package dev.groundwork.runners.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.runners.common.RecordingListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU slots on a Docker host, against a daemon that has no GPUs: the device request a GPU run's container gets (read
 * back by inspect), the refusal of a host whose daemon lacks the NVIDIA runtime, and the GPUs other Groundworks hold.
 */
class DockerGpuTest {

    @TempDir
    Path study;
    private DockerClients clients;
    private DockerClient docker;
    private HostConfig host;
    private DockerRunTarget target;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        host = TestDocker.host("gpubox", List.of(0, 1, 2, 3));
        clients = new DockerClients();
        docker = clients.connect(host).commands();
        TestDocker.requireImage(docker, TestDocker.BUSYBOX);
        target = new DockerRunTarget(host, Slots.gpus("gpubox", List.of(0, 1, 2, 3), 2), clients, Duration.ofSeconds(1));
    }

    @AfterEach
    void tearDown() {
        if (clients == null) {
            return; // skipped: no test daemon
        }
        for (String id : created) {
            try {
                docker.removeContainerCmd(id).withForce(true).exec();
            } catch (NotFoundException e) {
                // a run it followed removed it
            }
        }
        clients.close();
    }

    @Test
    void aGpuRunsContainerRequestsItsSlotsDevicesByIdFromTheNvidiaDriver() throws Exception {
        Slot slot = target.slots().get(1);
        RunLaunch launch = new TestDocker.Runs(study).shell("true", slot, Duration.ofMinutes(1),
                TestDocker.options(TestDocker.BUSYBOX));
        ContainerRequest request = ContainerRequest.of(launch, launch.container().orElseThrow(), "here:1");

        String id = request.applyTo(docker.createContainerCmd(TestDocker.BUSYBOX)).exec().getId();
        created.add(id);
        InspectContainerResponse container = docker.inspectContainerCmd(id).exec();

        assertThat(container.getHostConfig().getDeviceRequests()).singleElement().satisfies(device -> {
            assertThat(device.getDriver()).isEqualTo("nvidia");
            assertThat(device.getDeviceIds()).containsExactly("2", "3");
            assertThat(device.getCapabilities()).containsExactly(List.of("gpu"));
        });
        assertThat(container.getConfig().getLabels()).containsEntry(Labels.GPU, "2,3");
        assertThat(container.getConfig().getEnv()).contains("CUDA_VISIBLE_DEVICES=0,1");
    }

    @Test
    void aHostToGiveGpusWhoseDaemonHasNoNvidiaRuntimeIsRefusedAtItsCheck() {
        HostHealth health = target.check();

        assertThat(health.healthy()).isFalse();
        assertThat(health.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("Host gpubox is to give runs GPUs 0, 1, 2, 3 but its Docker daemon has no nvidia runtime")
                .endsWith("install the NVIDIA Container Toolkit there and restart dockerd, or remove the GPUs from the"
                        + " host's settings."));
    }

    @Test
    void aGpuRunOnSuchADaemonIsRefusedWithASentenceAndLeavesNoContainer() throws Exception {
        RunLaunch launch = new TestDocker.Runs(study).shell("true", target.slots().getFirst(), Duration.ofMinutes(1),
                TestDocker.options(TestDocker.BUSYBOX));
        int before = docker.listContainersCmd().withShowAll(true).exec().size();

        assertThatThrownBy(() -> target.start(launch, new RecordingListener()))
                .isInstanceOf(RunStartException.class)
                .hasMessageStartingWith("Host gpubox cannot give containers GPUs (")
                .hasMessageEndingWith("install the NVIDIA Container Toolkit there and restart dockerd, or remove the"
                        + " host's GPUs from its settings.");
        assertThat(docker.listContainersCmd().withShowAll(true).exec()).hasSize(before);
    }

    @Test
    void gpusInTheLabelsOfRunningContainersItDoesNotFollowAreHeldElsewhere() throws Exception {
        RunLaunch launch = new TestDocker.Runs(study).shell("true", target.slots().get(1), Duration.ofMinutes(1),
                TestDocker.options(TestDocker.BUSYBOX));
        String another = running(Map.of(Labels.RUN, "5", Labels.GPU, "0,1", Labels.OWNER, "other-box:77"));
        String itsOwn = running(Map.of(Labels.RUN, String.valueOf(launch.runId()), Labels.GPU, "2,3",
                Labels.OWNER, "dead-box:78"));
        running(Map.of(Labels.RUN, "6", Labels.GPU, "", Labels.OWNER, "other-box:77"));

        assertThat(target.gpusHeldElsewhere()).containsExactlyInAnyOrder(0, 1, 2, 3);
        RecordingListener following = new RecordingListener();
        assertThat(target.reattach(itsOwn, launch, following)).isPresent();
        assertThat(target.gpusHeldElsewhere()).containsExactlyInAnyOrder(0, 1);
        docker.stopContainerCmd(another).withTimeout(0).exec();
        assertThat(target.gpusHeldElsewhere()).isEmpty();
        docker.stopContainerCmd(itsOwn).withTimeout(0).exec();
        following.awaitExit();
    }

    private String running(Map<String, String> labels) {
        String id = docker.createContainerCmd(TestDocker.BUSYBOX).withCmd("sleep", "60").withLabels(labels).exec()
                .getId();
        created.add(id);
        docker.startContainerCmd(id).exec();
        return id;
    }
}
