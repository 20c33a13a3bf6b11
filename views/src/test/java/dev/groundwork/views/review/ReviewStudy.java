package dev.groundwork.views.review;

import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.review.PatchReview;
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

/**
 * A real study on a bundled template (minimal unless named) whose patches reach the gate the way the loop's do
 * (through the patch engine and a pre-flight that always passes), and its review desk.
 */
final class ReviewStudy implements AutoCloseable {

    /** A diff whose hunk matches nothing in train.py: the patch engine turns it down. */
    static final String STALE_DIFF = """
            --- a/train.py
            +++ b/train.py
            @@ -1,2 +1,2 @@
            -a line this file never had
            +a line it will not get
            """;

    final SettingsStore settings;
    final StudyFolder study;
    final HumanPatches patches;
    final PatchReview review;

    ReviewStudy(Path temp) throws Exception {
        this(temp, "minimal");
    }

    /** A study on the named bundled template ("charlm" has files long enough to scroll). */
    ReviewStudy(Path temp, String template) throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        StudyLibrary library = new StudyLibrary(new TemplateCatalog(ReviewStudy.class.getClassLoader()), settings, dirs,
                Clock.systemUTC());
        library.create(temp.resolve("study"), template).close();
        study = library.open(temp.resolve("study"));
        patches = new HumanPatches(study, new BaselineCode(study),
                (workspace, changed, smoke, timeout) -> new Preflight.Result(true, "compiled"), LoopEvents.NONE);
        review = new PatchReview(study, Clock.systemUTC(), patches);
    }

    /** An approved idea whose patch, the template's {@code ideas/<name>.diff}, waits at the gate. */
    Patch waiting(String title, String name) throws Exception {
        return submit(title, Files.readString(study.dir().resolve("ideas/" + name + ".diff")));
    }

    /** An approved idea with {@code text} whose patch, the template's {@code ideas/<name>.diff}, waits at the gate. */
    Patch waiting(String title, String text, String name) throws Exception {
        return submit(title, text, Files.readString(study.dir().resolve("ideas/" + name + ".diff")));
    }

    /** An approved idea whose patch is {@code diff}, by the catalog implementer. */
    Patch submit(String title, String diff) throws Exception {
        return submit(title, "", diff);
    }

    private Patch submit(String title, String text, String diff) throws Exception {
        Idea idea = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, title, text));
        idea = study.store().ideas().moveTo(idea.id(), IdeaStatus.APPROVED);
        patches.submit(idea, diff, "catalog", study.baseline().mainCommit(), null);
        return study.store().patches().forIdea(idea.id()).getLast();
    }

    @Override
    public void close() throws Exception {
        study.close();
        settings.close();
    }
}
