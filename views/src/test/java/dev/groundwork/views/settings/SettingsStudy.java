package dev.groundwork.views.settings;

import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.spec.SpecLoader;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A real charlm study for the Settings page's tests, with in-memory providers and a two-slot local host. */
final class SettingsStudy implements AutoCloseable {

    final SettingsStore settings;
    final StudyLibrary library;
    final StudyFolder study;
    final FakeProviders providers = new FakeProviders();
    /** The concurrency each hosts read was asked for. */
    final List<Integer> hostReads = new ArrayList<>();
    final SettingsPorts ports;

    SettingsStudy(Path temp) throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        library = new StudyLibrary(new TemplateCatalog(SettingsStudy.class.getClassLoader()), settings, dirs,
                Clock.systemUTC());
        study = library.create(temp.resolve("charlm"), "charlm");
        ports = new SettingsPorts(providers, (run, concurrency) -> {
            hostReads.add(concurrency);
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                slots.add(new Slot("local", i, List.of()));
            }
            return List.of(new ExecutionHosts.Host("local", "Local processes on this machine", 8, List.of(), slots,
                    Optional.empty()));
        });
    }

    Path specFile() {
        return study.dir().resolve(SpecLoader.FILE_NAME);
    }

    String spec() throws IOException {
        return Files.readString(specFile());
    }

    @Override
    public void close() {
        study.close();
        settings.close();
    }
}
