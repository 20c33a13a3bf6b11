package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window while the loop runs: its run is stopped and recorded before the study closes, not left running. */
@ExtendWith(ApplicationExtension.class)
class WindowCloseFxTest {

    @TempDir
    Path temp;

    @Test
    void closingTheWindowStopsTheLoopAndRecordsItsRunAsInterrupted() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path dir = temp.resolve("study");
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        Path spec = dir.resolve(StudyFolder.SPEC_FILE);
        Files.writeString(spec, Files.readString(spec).replace("command: [\"python3\", \"train.py\"]",
                "command: [\"python3\", \"-c\", \"import time; time.sleep(60)\"]"));

        WindowFixture window = new WindowFixture(temp.resolve("home"), dir, 900, 600);
        try {
            WaitForAsyncUtils.asyncFx(() -> window.vm.loop().start()).get();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dir.resolve("runs/1/log.txt").toFile().exists());
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // the baseline's process is up
        } finally {
            window.close();
        }

        try (SettingsStore settings = new SettingsStore(temp.resolve("inspect.json"));
             StudyFolder study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, cli.dirs(),
                     Clock.systemUTC()).open(dir)) {
            assertThat(study.store().runs().all()).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
                assertThat(run.failureClass()).as("interrupted, to be rerun").isEqualTo(FailureClass.INFRA);
            });
        }
    }
}
