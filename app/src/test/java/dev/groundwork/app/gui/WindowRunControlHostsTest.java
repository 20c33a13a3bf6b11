package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.app.loop.HostSelection;
import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.app.loop.TestAssemblies;
import dev.groundwork.model.dispatch.StudyScheduler;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.spec.SpecEdit;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.views.runs.RunControl;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the Runs page sees the hosts of a study's scheduler: health and problem as the scheduler has them, and a drain
 * from the Settings page that reaches the open study's scheduler at once.
 */
class WindowRunControlHostsTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyFolder study;
    private WindowRunControl control;

    @BeforeEach
    void openAMinimalStudy() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path dir = temp.resolve("study");
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        settings = new SettingsStore(temp.resolve("settings.json"));
        study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, cli.dirs(), Clock.systemUTC())
                .open(dir);
        LoopAssembly loops = TestAssemblies.local(temp);
        control = new WindowRunControl(study, (folder, notes) -> loops.scheduler(folder, folder.spec().search().concurrency(),
                HostSelection.FROM_SPEC, notes));
    }

    @AfterEach
    void close() {
        control.close();
        study.close();
        settings.close();
    }

    @Test
    void aDrainReachesTheOpenStudysSchedulerAndTheRunsPageSeesIt() {
        RunControl runs = control.control();
        assertThat(runs.hosts()).singleElement().satisfies(host -> {
            assertThat(host.name()).isEqualTo("local");
            assertThat(host.health()).isEqualTo(RunControl.Health.HEALTHY);
            assertThat(host.problem()).isEmpty();
        });

        control.drain("local", true);
        assertThat(runs.hosts().getFirst().health()).isEqualTo(RunControl.Health.DRAINING);
        control.drain("gpu-box", true); // a host this study does not run on: nothing to do
        control.drain("local", false);
        assertThat(runs.hosts().getFirst().health()).isEqualTo(RunControl.Health.HEALTHY);
    }

    @Test
    void aSavedSpecEditReachesTheRunsPageWithoutWaitingForTheLoop() throws Exception {
        RunControl runs = control.control();
        assertThat(runs.hosts().getFirst().slots()).hasSize(study.spec().search().concurrency());

        study.editSpec(List.of(new SpecEdit("search.concurrency", Optional.of("3"))));

        assertThat(runs.hosts()).singleElement().satisfies(host -> assertThat(host.slots()).hasSize(3));
    }

    @Test
    void anUnhealthyHostKeepsItsProblemAndItsSlots() {
        Slot slot = new Slot("gpu-box", 0, List.of(0));
        RunControl.Host shown = WindowRunControl.host(new StudyScheduler.HostState("gpu-box",
                StudyScheduler.Health.UNHEALTHY, Optional.of("gpu-box stopped answering."),
                List.of(new StudyScheduler.SlotUse(slot, 7L))));

        assertThat(shown.health()).isEqualTo(RunControl.Health.UNHEALTHY);
        assertThat(shown.problem()).hasValue("gpu-box stopped answering.");
        assertThat(shown.slots()).containsExactly(new RunControl.HostSlot(slot, 7L));
    }
}
