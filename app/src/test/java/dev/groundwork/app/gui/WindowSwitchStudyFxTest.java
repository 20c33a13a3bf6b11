package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.views.shell.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening another study in the window: the one left is closed with its scheduler, unless its loop still runs, when the
 * window refuses to leave it and the loop goes on.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSwitchStudyFxTest {

    @TempDir
    Path temp;

    @Test
    void openingAnotherStudyStopsTheSchedulerOfTheOneLeft() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path first = newStudy(cli, "first");
        Path second = newStudy(cli, "second");
        Set<Thread> before = schedulerThreads();

        try (WindowFixture window = new WindowFixture(temp.resolve("home"), first, 960, 640)) {
            WaitForAsyncUtils.asyncFx(() -> window.vm.pageProperty().set(Page.RUNS)).get();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !madeSince(before).isEmpty()); // for the slot map
            Set<Thread> firstsScheduler = madeSince(before);

            WaitForAsyncUtils.asyncFx(() -> window.vm.openStudy(second)).get();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isSameFile(second, window.vm.studyProperty().get().dir()));

            for (Thread thread : firstsScheduler) {
                thread.join(Duration.ofSeconds(10));
                assertThat(thread.isAlive()).as(thread.getName() + " of the study left has ended").isFalse();
            }
        }
    }

    @Test
    void anotherStudyIsNotOpenedWhileTheLoopRunsAndTheLoopGoesOn() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path first = newStudy(cli, "first");
        Path second = newStudy(cli, "second");
        Path spec = first.resolve(StudyFolder.SPEC_FILE);
        Files.writeString(spec, Files.readString(spec).replace("command: [\"python3\", \"train.py\"]",
                "command: [\"python3\", \"-c\", \"import time; time.sleep(60)\"]"));

        WindowFixture window = new WindowFixture(temp.resolve("home"), first, 960, 640);
        try {
            WaitForAsyncUtils.asyncFx(() -> window.vm.loop().start()).get();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> first.resolve("runs/1/log.txt").toFile().exists());

            WaitForAsyncUtils.asyncFx(() -> window.vm.openStudy(second)).get();
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(window.vm.errorProperty().get().title()).startsWith("Runs are still running on ");
            assertThat(Files.isSameFile(window.vm.studyProperty().get().dir(), first)).as("still open").isTrue();
            assertThat(window.vm.loop().runningProperty().get()).isTrue();
        } finally {
            window.close();
        }

        try (SettingsStore settings = new SettingsStore(temp.resolve("inspect.json"));
             StudyFolder study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, cli.dirs(),
                     Clock.systemUTC()).open(first)) {
            assertThat(study.store().runs().all()).singleElement().satisfies(run -> {
                assertThat(run.status()).as("ran until the window closed").isEqualTo(RunStatus.CANCELLED);
                assertThat(run.failureClass()).isEqualTo(FailureClass.INFRA);
            });
        }
    }

    private Path newStudy(CliRunner cli, String name) {
        Path dir = temp.resolve(name);
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        return dir;
    }

    private static Set<Thread> schedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("scheduler-")).collect(Collectors.toSet());
    }

    private static Set<Thread> madeSince(Set<Thread> before) {
        return schedulerThreads().stream().filter(thread -> !before.contains(thread)).collect(Collectors.toSet());
    }
}
