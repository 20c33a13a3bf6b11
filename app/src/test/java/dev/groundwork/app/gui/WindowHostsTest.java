package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.settings.HostBook;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.runners.hosts.HostTargets;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.views.settings.ExecutionHosts;
import dev.groundwork.views.settings.ExecutionHosts.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hosts as the Settings page lists and changes them: this machine (with an nvidia-smi stand-in that prints what a
 * 3-GPU machine prints, or none), and Docker hosts kept in a real settings file. A Docker host's endpoint here answers
 * nothing, so its test fails with a sentence: the Docker target's own, or, in a Groundwork without it, that it is not
 * built in.
 */
class WindowHostsTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private HostBook book;
    private final List<String> drained = new ArrayList<>();

    @BeforeEach
    void open() {
        settings = new SettingsStore(temp.resolve("settings.json"));
        book = new HostBook(settings);
    }

    @AfterEach
    void close() {
        settings.close();
    }

    private WindowHosts hosts(GpuProbe gpus, int cores) {
        return new WindowHosts(gpus, cores, book, new HostTargets(gpus, Map.of()),
                (name, drain) -> drained.add((drain ? "drain " : "open ") + name));
    }

    private GpuProbe noGpu() {
        return new GpuProbe(temp.resolve("no-nvidia-smi").toString());
    }

    @Test
    void cpuRunsGetOneSlotPerConcurrentRun() {
        Host local = hosts(noGpu(), 16).hosts(run(RunSpec.Target.LOCAL, 0), 3).getFirst();

        assertThat(local.name()).isEqualTo("local");
        assertThat(local.docker()).isFalse();
        assertThat(local.cpuCores()).isEqualTo(16);
        assertThat(local.gpuIds()).isEmpty();
        assertThat(local.slots()).extracting(Slot::label).containsExactly("local/cpu0", "local/cpu1", "local/cpu2");
        assertThat(local.problem()).isEmpty();
        assertThat(local.note()).isEmpty();
    }

    @Test
    void gpuRunsGetTheGpusInGroupsAndTooFewGpusIsASentence() throws Exception {
        Path smi = temp.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\nprintf '0\\n1\\n2\\n'\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwx------"));
        WindowHosts hosts = hosts(new GpuProbe(smi.toString()), 16);

        Host pairs = hosts.hosts(run(RunSpec.Target.LOCAL, 2), 4).getFirst();
        assertThat(pairs.gpuIds()).containsExactly(0, 1, 2);
        assertThat(pairs.slots()).extracting(Slot::gpuIds).containsExactly(List.of(0, 1));

        Host tooMany = hosts.hosts(run(RunSpec.Target.LOCAL, 4), 1).getFirst();
        assertThat(tooMany.slots()).isEmpty();
        assertThat(tooMany.problem()).hasValue("run.gpus_per_run is 4 but this machine shows 3 GPUs (nvidia-smi); set"
                + " run.gpus_per_run: 3 or less.");
        Host none = hosts(new GpuProbe(temp.resolve("absent").toString()), 4)
                .hosts(run(RunSpec.Target.LOCAL, 1), 1).getFirst();
        assertThat(none.problem()).hasValue("run.gpus_per_run is 1 but this machine shows no GPU (nvidia-smi); set"
                + " run.gpus_per_run: 0 to run on the CPU.");
    }

    @Test
    void aDockerSpecWithoutADockerHostSaysToAddOne() {
        Host local = hosts(noGpu(), 2).hosts(run(RunSpec.Target.DOCKER, 0), 1).getFirst();

        assertThat(local.problem()).hasValue("run.target is docker but no Docker host is set up; add one below, or set"
                + " run.target: local to run on this machine.");
    }

    @Test
    void theSettingsDockerHostsAreListedAfterThisMachineWithTheirSettings() {
        book.addDocker("gpu-box", "unix:///nowhere.sock", Optional.empty(), Optional.of(List.of(0, 1)), 3);
        WindowHosts hosts = hosts(noGpu(), 8);

        List<Host> forLocal = hosts.hosts(run(RunSpec.Target.LOCAL, 0), 2);
        assertThat(forLocal).extracting(Host::name).containsExactly("local", "gpu-box");
        Host docker = forLocal.get(1);
        assertThat(docker.docker()).isTrue();
        assertThat(docker.config().endpoint()).hasValue("unix:///nowhere.sock");
        assertThat(docker.gpuIds()).containsExactly(0, 1);
        assertThat(docker.slots()).extracting(Slot::label).containsExactly("gpu-box/cpu0", "gpu-box/cpu1",
                "gpu-box/cpu2");
        assertThat(docker.note()).isEqualTo("Not used by this study: its run.target is local.");
        assertThat(docker.problem()).isEmpty();

        List<Host> forDocker = hosts.hosts(run(RunSpec.Target.DOCKER, 1), 2);
        assertThat(forDocker.getFirst().note()).isEqualTo("Not used by this study: its run.target is docker.");
        assertThat(forDocker.getFirst().problem()).isEmpty();
        Host used = forDocker.get(1);
        assertThat(used.note()).isEmpty();
        if (used.problem().isPresent()) { // a Groundwork without the Docker target says so on the host it would use
            assertThat(used.problem().get()).startsWith("Docker hosts are not built into this Groundwork yet");
            assertThat(used.slots()).extracting(Slot::gpuIds).as("the slots it would give")
                    .containsExactly(List.of(0), List.of(1));
        } else {
            assertThat(used.slots()).extracting(Slot::gpuIds).containsExactly(List.of(0), List.of(1));
        }
    }

    @Test
    void thisMachinesTestSucceedsWithItsFacts() {
        ExecutionHosts.Check check = hosts(noGpu(), 16).test("local");

        assertThat(check.ok()).isTrue();
        assertThat(check.facts()).startsWith("16 CPU cores", "No GPU (nvidia-smi shows none)");
        assertThat(check.sentence()).isEqualTo("local answers and can take runs.");
    }

    @Test
    void aDockerHostWhoseSocketDoesNotExistFailsWithASentence() {
        book.addDocker("gpu-box", "unix:///nowhere.sock", Optional.empty(), Optional.empty(), 2);
        WindowHosts hosts = hosts(noGpu(), 2);

        ExecutionHosts.Check added = hosts.test("gpu-box");
        ExecutionHosts.Check draft = hosts.test(new ExecutionHosts.Draft("spare", "unix:///nowhere.sock",
                Optional.empty(), Optional.empty(), 1));

        assertThat(added.ok()).isFalse();
        assertThat(added.sentence()).startsWith("gpu-box cannot take runs: ").endsWith(".")
                .satisfiesAnyOf(sentence -> assertThat(sentence).contains("/nowhere.sock"),
                        sentence -> assertThat(sentence).contains("not built into this Groundwork"));
        assertThat(draft.ok()).isFalse();
        assertThat(draft.sentence()).isEqualTo(added.sentence().replace("gpu-box", "spare"));
        assertThat(book.configured()).as("testing a draft adds nothing").hasSize(1);
        assertThatThrownBy(() -> hosts.test("gone")).isInstanceOf(Refusal.class)
                .hasMessage("There is no host named gone any more; another Groundwork may have removed it.");
    }

    @Test
    void addDrainOpenAndRemoveGoThroughTheHostBookAndADrainReachesTheOpenStudies() {
        WindowHosts hosts = hosts(noGpu(), 2);
        ExecutionHosts.Draft draft = new ExecutionHosts.Draft("gpu-box", "unix:///nowhere.sock", Optional.empty(),
                Optional.of(List.of(0)), 2);

        hosts.add(draft);
        try (SettingsStore reread = new SettingsStore(temp.resolve("settings.json"))) {
            assertThat(new HostBook(reread).configured()).as("saved in the settings file")
                    .extracting(HostConfig::name).containsExactly("gpu-box");
        }
        assertThatThrownBy(() -> hosts.add(draft)).isInstanceOf(Refusal.class)
                .hasMessage("There is already a host named gpu-box; choose another name, or remove that one first.");
        hosts.drain("gpu-box", true);
        assertThat(book.find("gpu-box").orElseThrow().draining()).isTrue();
        hosts.drain("gpu-box", false);
        assertThat(book.find("gpu-box").orElseThrow().draining()).isFalse();
        assertThat(drained).containsExactly("drain gpu-box", "open gpu-box");
        hosts.remove("gpu-box");

        assertThat(book.configured()).isEmpty();
        assertThat(hosts.editable()).isTrue();
    }

    private static RunSpec run(RunSpec.Target target, int gpusPerRun) {
        return new RunSpec(target, target == RunSpec.Target.DOCKER ? Optional.of("img") : Optional.empty(),
                List.of("python3", "train.py"), List.of(), gpusPerRun, Duration.ofMinutes(3), OptionalLong.empty(), Map.of());
    }
}
