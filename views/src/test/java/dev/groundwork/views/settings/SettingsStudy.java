package dev.groundwork.views.settings;

import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.HostBook;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.spec.SpecLoader;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real charlm study for the Settings page's tests, with in-memory providers, a local host with a CPU slot per
 * concurrent run, and the Docker hosts of a real host book.
 */
final class SettingsStudy implements AutoCloseable {

    final SettingsStore settings;
    final StudyLibrary library;
    final StudyFolder study;
    final FakeProviders providers = new FakeProviders();
    final FakeHosts hosts;
    /** The concurrency each hosts read was asked for. */
    final List<Integer> hostReads;
    final SettingsPorts ports;

    SettingsStudy(Path temp) throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        library = new StudyLibrary(new TemplateCatalog(SettingsStudy.class.getClassLoader()), settings, dirs,
                Clock.systemUTC());
        study = library.create(temp.resolve("charlm"), "charlm");
        hosts = new FakeHosts(new HostBook(settings));
        hostReads = hosts.hostReads;
        ports = new SettingsPorts(providers, hosts);
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
