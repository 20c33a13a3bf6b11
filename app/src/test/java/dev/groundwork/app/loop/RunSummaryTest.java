package dev.groundwork.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table `groundwork run` prints at the end numbers its epochs as they are stored, from 0, as the progress does. */
class RunSummaryTest {

    @TempDir
    Path temp;

    @Test
    void epochsAreNumberedAsStoredFromZero() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        try (SettingsStore settings = new SettingsStore(dirs.settingsFile())) {
            StudyLibrary library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs,
                    Clock.systemUTC());
            try (StudyFolder study = library.create(temp.resolve("study"), "minimal")) {
                ran(study, study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "Train for more steps", "")),
                        0.0099);
                ran(study, study.store().ideas().propose(new NewIdea(1, IdeaOrigin.CATALOG, "steps150 + momentum", "",
                        List.of(1L), null)), 0.0081);

                assertThat(new RunSummary(study).table().lines().toList()).satisfies(lines -> {
                    assertThat(lines.get(0)).startsWith("epoch ");
                    assertThat(lines.get(1)).startsWith("0 ").endsWith("0.0099  Train for more steps");
                    assertThat(lines.get(2)).startsWith("1 ").endsWith("0.0081  steps150 + momentum");
                });
            }
        }
    }

    private static void ran(StudyFolder study, Idea idea, double reward) {
        Patch patch = study.store().patches().add(new NewPatch(idea.id(), "diff", "base", null, "catalog"));
        Run run = study.store().runs().queue(new NewRun(patch.id(), idea.id(), idea.epoch(), Reproducibility.none()));
        study.store().runs().markStarting(run.id(), "local", List.of(0), "runs/" + run.id() + "/log.txt");
        study.store().runs().markRunning(run.id(), "pid-1", Reproducibility.none());
        study.store().runs().finish(run.id(), RunStatus.SUCCEEDED, 0, null, reward);
    }
}
