package dev.groundwork.views.ideas;

import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real study on the minimal template with a few proposed ideas, and its idea inbox (pre-flight always passes) whose
 * ideator is a {@link ListIdeator}.
 */
final class IdeasStudy implements AutoCloseable {

    final SettingsStore settings;
    final StudyFolder study;
    final ListIdeator ideator = new ListIdeator();
    final HumanPatches patches;
    final IdeaInbox inbox;

    IdeasStudy(Path temp) throws Exception {
        this(temp, "minimize");
    }

    /** A study whose reward goal is {@code goal} (minimize, as the template has it, or maximize). */
    IdeasStudy(Path temp, String goal) throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        StudyLibrary library = new StudyLibrary(new TemplateCatalog(IdeasStudy.class.getClassLoader()), settings, dirs,
                Clock.systemUTC());
        library.create(temp.resolve("study"), "minimal").close();
        Path spec = temp.resolve("study/groundwork.yaml");
        Files.writeString(spec, Files.readString(spec).replace("goal: minimize", "goal: " + goal));
        study = library.open(temp.resolve("study"));
        patches = new HumanPatches(study, new BaselineCode(study),
                (workspace, changed, smoke, timeout) -> new Preflight.Result(true, "compiled"), LoopEvents.NONE);
        inbox = new IdeaInbox(study, patches, ideator);
    }

    Idea propose(IdeaOrigin origin, String title, String text, List<Long> parents) {
        return study.store().ideas().propose(new NewIdea(0, origin, title, text, parents, null));
    }

    /** A finished run of the idea (of a patch of its own, as the loop's runs are) that earned {@code reward}. */
    Run finishedRun(Idea idea, double reward) {
        Patch patch = study.store().patches().add(new NewPatch(idea.id(), "diff", "base", null, "catalog"));
        Run run = study.store().runs().queue(new NewRun(patch.id(), idea.id(), 0, Reproducibility.none()));
        study.store().runs().markStarting(run.id(), "local", List.of(0), "runs/" + run.id() + "/log.txt");
        study.store().runs().markRunning(run.id(), "pid-1", Reproducibility.none());
        return study.store().runs().finish(run.id(), RunStatus.SUCCEEDED, 0, null, reward);
    }

    @Override
    public void close() throws Exception {
        study.close();
        settings.close();
    }
}
