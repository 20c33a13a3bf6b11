package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.views.settings.ExecutionHosts.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This machine as the Settings page lists it, with an nvidia-smi stand-in that prints what a 3-GPU machine prints. */
class WindowHostsTest {

    @TempDir
    Path temp;

    @Test
    void cpuRunsGetOneSlotPerConcurrentRun() throws Exception {
        Host local = new WindowHosts(new GpuProbe(temp.resolve("no-nvidia-smi").toString()), 16)
                .hosts(run(RunSpec.Target.LOCAL, 0), 3).getFirst();

        assertThat(local.name()).isEqualTo("local");
        assertThat(local.cpuCores()).isEqualTo(16);
        assertThat(local.gpuIds()).isEmpty();
        assertThat(local.slots()).extracting(Slot::label).containsExactly("local/cpu0", "local/cpu1", "local/cpu2");
        assertThat(local.problem()).isEmpty();
    }

    @Test
    void gpuRunsGetTheGpusInGroupsAndTooFewGpusIsASentence() throws Exception {
        Path smi = temp.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\nprintf '0\\n1\\n2\\n'\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwx------"));
        WindowHosts hosts = new WindowHosts(new GpuProbe(smi.toString()), 16);

        Host pairs = hosts.hosts(run(RunSpec.Target.LOCAL, 2), 4).getFirst();
        assertThat(pairs.gpuIds()).containsExactly(0, 1, 2);
        assertThat(pairs.slots()).extracting(Slot::gpuIds).containsExactly(List.of(0, 1));

        Host tooMany = hosts.hosts(run(RunSpec.Target.LOCAL, 4), 1).getFirst();
        assertThat(tooMany.slots()).isEmpty();
        assertThat(tooMany.problem()).hasValue("run.gpus_per_run is 4 but this machine shows 3 GPUs (nvidia-smi); set"
                + " run.gpus_per_run: 3 or less.");
        Host none = new WindowHosts(new GpuProbe(temp.resolve("absent").toString()), 4)
                .hosts(run(RunSpec.Target.LOCAL, 1), 1).getFirst();
        assertThat(none.problem()).hasValue("run.gpus_per_run is 1 but this machine shows no GPU (nvidia-smi); set"
                + " run.gpus_per_run: 0 to run on the CPU.");
    }

    @Test
    void aDockerSpecSaysDockerHostsAreNotBuiltYet() {
        Host local = new WindowHosts(new GpuProbe(temp.resolve("none").toString()), 2)
                .hosts(run(RunSpec.Target.DOCKER, 0), 1).getFirst();

        assertThat(local.problem()).hasValueSatisfying(sentence -> assertThat(sentence)
                .contains("Docker hosts are not built into Groundwork yet"));
    }

    private static RunSpec run(RunSpec.Target target, int gpusPerRun) {
        return new RunSpec(target, target == RunSpec.Target.DOCKER ? Optional.of("img") : Optional.empty(),
                List.of("python3", "train.py"), List.of(), gpusPerRun, Duration.ofMinutes(3), OptionalLong.empty(), Map.of());
    }
}
