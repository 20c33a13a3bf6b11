package dev.groundwork.runners.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import dev.groundwork.model.execution.ContainerOptions;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.Slot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The container a launch asks for, without a daemon (the Docker tests read the same back from a real one). */
class ContainerRequestTest {

    private static RunLaunch launch(Slot slot, ContainerOptions options) {
        return new RunLaunch(12, Path.of("/s/runs/12/workspace"), List.of("python3", "train.py"),
                Map.of("OMP_NUM_THREADS", "1", "OPENAI_API_KEY", "written in the spec"), Duration.ofMinutes(1), slot,
                Path.of("/s/runs/12/log.txt"), "study-1", Optional.of(options));
    }

    @Test
    void aCpuRunIsBoxedAsItsSpecSaysWithNoDevicesAndNoCapabilities() {
        ContainerOptions options = new ContainerOptions("img:1", "none", OptionalLong.of(1L << 30),
                OptionalDouble.of(1.5), OptionalLong.of(256), "1000:1000", List.of(), Map.of());

        ContainerRequest request = ContainerRequest.of(launch(new Slot("box", 1, List.of()), options), options, "me:9");

        assertThat(request.image()).isEqualTo("img:1");
        assertThat(request.command()).containsExactly("python3", "train.py");
        assertThat(request.user()).isEqualTo("1000:1000");
        assertThat(request.name()).matches("gw-run12-[0-9a-f]{8}");
        assertThat(request.labels()).containsExactly(Map.entry(Labels.STUDY, "study-1"), Map.entry(Labels.RUN, "12"),
                Map.entry(Labels.GPU, ""), Map.entry(Labels.OWNER, "me:9"), Map.entry(Labels.SLOT, "box/cpu1"));
        assertThat(request.env()).containsExactly("CUDA_VISIBLE_DEVICES=", "HOME=/tmp", "OMP_NUM_THREADS=1",
                "OPENAI_API_KEY=written in the spec", "PYTHONUNBUFFERED=1");
        var box = request.hostConfig();
        assertThat(box.getNetworkMode()).isEqualTo("none");
        assertThat(box.getMemory()).isEqualTo(1L << 30);
        assertThat(box.getMemorySwap()).isEqualTo(1L << 30);
        assertThat(box.getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(box.getPidsLimit()).isEqualTo(256L);
        assertThat(box.getShmSize()).isEqualTo(1L << 30);
        assertThat(box.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(box.getDeviceRequests()).isNull();
        assertThat(box.getBinds()).isNullOrEmpty();
    }

    @Test
    void dataFoldersAreBoundReadOnlyUnderTheWorkspace() {
        ContainerOptions options = new ContainerOptions("img:1", "none", OptionalLong.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), "1000:1000", List.of(), Map.of("shards", Path.of("/srv/fineweb"),
                "vocab", Path.of("/srv/gpt2")));

        ContainerRequest request = ContainerRequest.of(launch(new Slot("box", 1, List.of()), options), options, "me:9");

        assertThat(request.hostConfig().getBinds()).extracting(Object::toString)
                .containsExactly("/srv/fineweb:/workspace/data/shards:ro", "/srv/gpt2:/workspace/data/vocab:ro");
    }

    @Test
    void aGpuRunRequestsItsSlotsDevicesAndSeesThemFromZero() {
        ContainerOptions options = new ContainerOptions("img:1", "host", OptionalLong.of(32L << 20),
                OptionalDouble.empty(), OptionalLong.empty(), "root", List.of(), Map.of());

        ContainerRequest request = ContainerRequest.of(launch(new Slot("box", 0, List.of(4, 6)), options), options,
                "me:9");

        assertThat(request.hostConfig().getDeviceRequests()).singleElement().satisfies(device -> {
            assertThat(device.getDriver()).isEqualTo("nvidia");
            assertThat(device.getDeviceIds()).containsExactly("4", "6");
            assertThat(device.getCapabilities()).containsExactly(List.of("gpu"));
        });
        assertThat(request.labels()).containsEntry(Labels.GPU, "4,6");
        assertThat(request.env()).contains("CUDA_VISIBLE_DEVICES=0,1");
        assertThat(request.hostConfig().getShmSize()).isEqualTo(32L << 20);
        assertThat(request.hostConfig().getCapDrop()).isNull();
        assertThat(request.hostConfig().getNetworkMode()).isEqualTo("host");
    }
}
