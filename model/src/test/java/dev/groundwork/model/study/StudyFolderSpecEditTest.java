package dev.groundwork.model.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.spec.GatesSpec.Gate;
import dev.groundwork.model.spec.SpecEdit;
import dev.groundwork.model.spec.SpecException;
import dev.groundwork.model.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An open study's spec edited from the window: the file changes, and so does the spec the study (and its loop) reads. */
class StudyFolderSpecEditTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyLibrary library;

    @BeforeEach
    void setUp() {
        AppDirs dirs = new AppDirs(temp.resolve("config"), temp.resolve("data"), temp.resolve("cache"), temp.resolve("state"));
        settings = new SettingsStore(dirs.settingsFile());
        library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        settings.close();
    }

    @Test
    void anEditReachesTheFileAndTheOpenStudysSpec() throws Exception {
        try (StudyFolder study = library.create(temp.resolve("s"), "charlm")) {
            study.editSpec(List.of(SpecEdit.set("gates.idea", "manual"), SpecEdit.set("search.concurrency", "1")));

            assertThat(study.spec().gates().idea()).isEqualTo(Gate.MANUAL);
            assertThat(study.spec().search().concurrency()).isEqualTo(1);
            assertThat(SpecLoader.loadStudy(study.dir())).isEqualTo(study.spec());
        }
    }

    @Test
    void aRefusedEditKeepsTheOldSpecEverywhere() throws Exception {
        try (StudyFolder study = library.create(temp.resolve("s"), "charlm")) {
            String before = Files.readString(study.dir().resolve(SpecLoader.FILE_NAME));

            assertThatThrownBy(() -> study.editSpec(List.of(SpecEdit.set("budget.gpu_hours", "-1"))))
                    .isInstanceOf(SpecException.class).hasMessageContaining("budget.gpu_hours");

            assertThat(study.spec().budget().gpuHours()).isEmpty();
            assertThat(Files.readString(study.dir().resolve(SpecLoader.FILE_NAME))).isEqualTo(before);
        }
    }

    @Test
    void aReadOnlyStudyRefusesWithItsReason() throws Exception {
        try (StudyFolder writer = library.create(temp.resolve("s"), "charlm");
             StudyFolder reader = library.open(writer.dir())) {
            String before = Files.readString(writer.dir().resolve(SpecLoader.FILE_NAME));

            assertThatThrownBy(() -> reader.editSpec(List.of(SpecEdit.set("gates.idea", "manual"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(reader.readOnlyReason().orElseThrow());

            assertThat(Files.readString(writer.dir().resolve(SpecLoader.FILE_NAME))).isEqualTo(before);
        }
    }
}
