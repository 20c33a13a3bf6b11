package dev.groundwork.model.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.engine.DiffRenderer;
import dev.groundwork.model.review.PatchReview.FileChange;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.StudyCode;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A code lineage on the minimal template: each idea's patch applied on top of its parent's code (code_base best-parent). */
class StudyAnalyticsTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyFolder study;
    private StudyCode code;

    @BeforeEach
    void create() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC())
                .create(temp.resolve("study"), "minimal");
        code = new BaselineCode(study);
    }

    @AfterEach
    void close() {
        study.close();
        settings.close();
    }

    private String catalogDiff(String name) throws IOException {
        return Files.readString(study.dir().resolve("ideas/" + name + ".diff"));
    }

    /** An idea bred from {@code parent} whose patch applies to the parent's code, as the loop's best-parent code base does. */
    private Patch child(String title, String diff, Patch parent) throws IOException {
        Idea idea = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, title, "text",
                parent == null ? List.of() : List.of(parent.ideaId()), null));
        String base = parent == null ? code.mainCommit() : parent.commit();
        Patch patch = study.store().patches().add(new NewPatch(idea.id(), diff, base, parent == null ? null : parent.id(), "catalog"));
        StudyCode.Applied applied = code.apply(idea.id(), diff, base);
        assertThat(applied.ok()).as(applied.summary()).isTrue();
        return study.store().patches().markApplied(patch.id(), applied.report(), applied.cleanDiff(), applied.commit());
    }

    private static String rendered(List<FileChange> files) {
        Map<String, String> before = new TreeMap<>();
        Map<String, String> after = new TreeMap<>();
        files.forEach(file -> {
            before.put(file.path(), file.before());
            after.put(file.path(), file.after());
        });
        return DiffRenderer.render(before, after);
    }

    @Test
    void theDiffAgainstAnyAncestorIsTheCompositionOfThePatchesAlongThePath() throws Exception {
        Patch a = child("more steps", catalogDiff("more-steps"), null);
        Patch b = child("higher lr", catalogDiff("higher-lr"), a);
        Patch c = child("momentum", catalogDiff("momentum"), b);
        StudyAnalytics analytics = new StudyAnalytics(study);
        StudyFacts facts = analytics.facts();
        LineageGraph graph = analytics.lineage(facts);

        assertThat(graph.parentChain(c.ideaId())).containsExactly(c.ideaId(), b.ideaId(), a.ideaId(), LineageGraph.BASELINE);
        assertThat(rendered(analytics.filesBetween(facts, b.ideaId(), c.ideaId())))
                .isEqualTo(code.compose(List.of(c.appliedDiff()), b.commit()).orElseThrow());
        assertThat(rendered(analytics.filesBetween(facts, a.ideaId(), c.ideaId())))
                .isEqualTo(code.compose(List.of(b.appliedDiff(), c.appliedDiff()), a.commit()).orElseThrow());
        assertThat(rendered(analytics.filesBetween(facts, LineageGraph.BASELINE, c.ideaId())))
                .isEqualTo(code.compose(List.of(a.appliedDiff(), b.appliedDiff(), c.appliedDiff()), code.mainCommit())
                        .orElseThrow());
        assertThat(analytics.filesBetween(facts, LineageGraph.BASELINE, c.ideaId())).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("train.py");
            assertThat(file.after()).contains("STEPS = 150", "LEARNING_RATE = 0.09", "MOMENTUM = 0.9");
        });
    }

    @Test
    void anIdeaWithoutCodeSaysSo() throws Exception {
        Idea idea = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "never applied", "text"));
        StudyAnalytics analytics = new StudyAnalytics(study);

        assertThatThrownBy(() -> analytics.filesBetween(analytics.facts(), LineageGraph.BASELINE, idea.id()))
                .isInstanceOf(IOException.class).hasMessageContaining("none of its patches applied");
    }
}
