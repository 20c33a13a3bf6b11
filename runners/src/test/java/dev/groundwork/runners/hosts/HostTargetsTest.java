package dev.groundwork.runners.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.runners.docker.DockerClients;
import dev.groundwork.runners.docker.DockerRunTarget;
import dev.groundwork.runners.local.GpuProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostTargetsTest {

    @Test
    void aDockerHostBecomesADockerTargetWithTheGpusItsSettingsNameWithoutContactingIt() {
        HostTargets targets = new HostTargets(new GpuProbe("no-such-nvidia-smi"), Map.of(), new DockerClients());
        HostConfig gpuBox = new HostConfig("gpu-box", HostConfig.Kind.DOCKER, Optional.of("tcp://10.255.255.1:2376"),
                Optional.of(Path.of("/nowhere")), Optional.of(List.of(0, 1, 2, 3)), 2, false);
        HostConfig cpuBox = new HostConfig("cpu-box", HostConfig.Kind.DOCKER, Optional.of("unix:///nowhere.sock"),
                Optional.empty(), Optional.empty(), 3, false);

        RunTarget gpus = targets.target(gpuBox, 2);
        RunTarget cpus = targets.target(cpuBox, 0);

        assertThat(gpus).isInstanceOf(DockerRunTarget.class);
        assertThat(gpus.host()).isEqualTo("gpu-box");
        assertThat(gpus.slots()).extracting(slot -> slot.gpuIds()).containsExactly(List.of(0, 1), List.of(2, 3));
        assertThat(cpus.slots()).hasSize(3).allSatisfy(slot -> assertThat(slot.gpuIds()).isEmpty());
    }
}
