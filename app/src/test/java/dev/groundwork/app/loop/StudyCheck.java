package dev.groundwork.app.loop;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Path;
import java.time.Clock;

/** Assertions on an open study that may throw (git, I/O). */
@FunctionalInterface
interface StudyCheck {
    void accept(StudyFolder study) throws Exception;

    /** Opens {@code study} as the CLI's user would (its settings aside in {@code scratch}), checks it, closes it. */
    static void inspect(Path scratch, CliRunner cli, Path study, StudyCheck check) throws Exception {
        try (SettingsStore settings = new SettingsStore(scratch.resolve("inspect-settings.json"))) {
            StudyLibrary library = new StudyLibrary(new TemplateCatalog(StudyCheck.class.getClassLoader()), settings,
                    cli.dirs(), Clock.systemUTC());
            try (StudyFolder folder = library.open(study)) {
                check.accept(folder);
            }
        }
    }
}
