package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.app.loop.TestAssemblies;
import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest.Mode;
import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.IdeaGeneration;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.store.MetaRepository;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.local.GpuProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ideas page's generation with the study's real ideator, built as the loop builds it: the offline catalog of a
 * charlm study generates, stops at a cancel keeping what it stored, and breeds two chosen ideas into their combination;
 * an LLM ideator without a key is a sentence, not a crash.
 */
class WindowIdeatorTest {

    private static final String CONTEXT = "See 10 characters of history instead of 4";
    private static final String HIDDEN = "Double the hidden layer to 512 units";

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyLibrary library;
    private StudyFolder study;
    private LoopAssembly loops;

    @BeforeEach
    void create() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC());
        study = library.create(temp.resolve("study"), "charlm");
        loops = TestAssemblies.local(temp);
    }

    @AfterEach
    void close() throws Exception {
        study.close();
        settings.close();
    }

    private IdeaInbox inbox() {
        return new IdeaInbox(study, new HumanPatches(study, new BaselineCode(study),
                (workspace, changed, smoke, timeout) -> new Preflight.Result(true, "compiled"), LoopEvents.NONE),
                new WindowIdeator(loops, study));
    }

    @Test
    void theCatalogGeneratesIntoTheCurrentEpochThroughTheAutoGate() throws Exception {
        study.store().meta().put(MetaRepository.EPOCH, "1");
        IdeaInbox inbox = inbox();
        assertThat(inbox.ideation()).isEqualTo(new IdeaInbox.Ideation("offline catalog", 1, 3, 0, true));

        IdeaGeneration.Outcome outcome = inbox.generate(3, Mode.EXPLORE, IdeaGeneration.Progress.NONE);

        assertThat(outcome.stored()).hasSize(3).allSatisfy(idea -> {
            assertThat(idea.origin()).isEqualTo(IdeaOrigin.CATALOG);
            assertThat(idea.epoch()).isEqualTo(1);
            assertThat(idea.status()).isEqualTo(IdeaStatus.APPROVED);
            assertThat(idea.text()).startsWith("[Experiment]");
        });
        assertThat(outcome.sentence()).startsWith("Stored 3 new ideas from offline catalog in epoch 1");
        IdeaGeneration.Outcome more = inbox.generate(50, Mode.EXPLORE, IdeaGeneration.Progress.NONE);
        assertThat(more.stored()).as("charlm's catalog holds 16 ideas").hasSize(13);
        assertThat(study.store().ideas().all()).extracting(Idea::title).doesNotHaveDuplicates().hasSize(16);
        assertThat(more.sentence()).startsWith("Offline catalog had only 13 new ideas of the 50 asked for");
    }

    @Test
    void aCancelKeepsTheIdeasStoredBeforeIt() throws Exception {
        IdeaGeneration.Outcome outcome = inbox().generate(12, Mode.EXPLORE, new IdeaGeneration.Progress() {
            private int done;

            @Override
            public void stored(int done, int wanted) {
                this.done = done;
            }

            @Override
            public boolean cancelled() {
                return done >= 5;
            }
        });
        assertThat(outcome.cancelled()).isTrue();
        assertThat(study.store().ideas().all()).hasSize(5).extracting(Idea::id)
                .containsExactlyElementsOf(outcome.stored().stream().map(Idea::id).toList());
    }

    @Test
    void breedingTwoChosenIdeasCombinesTheirPatchesAndRecordsBothParents() throws Exception {
        Idea context = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, CONTEXT, "", List.of(), null));
        Idea hidden = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, HIDDEN, "", List.of(), null));
        finish(context, 1.62);
        finish(hidden, 1.71);

        IdeaGeneration.Outcome outcome = inbox().breed(List.of(hidden.id(), context.id()), 3,
                IdeaGeneration.Progress.NONE);

        assertThat(outcome.stored()).singleElement().satisfies(child -> {
            assertThat(child.title()).isEqualTo("ctx10 + hidden512");
            assertThat(child.parents()).containsExactly(context.id(), hidden.id());
            assertThat(child.text()).contains("(reward 1.620)").contains("(reward 1.710)");
        });
        Idea child = outcome.stored().getFirst();
        assertThat(study.store().ideas().children()).containsEntry(context.id(), List.of(child.id()))
                .containsEntry(hidden.id(), List.of(child.id()));
        assertThat(outcome.sentence()).startsWith("Offline catalog had only 1 new idea of the 3 asked for");
    }

    @Test
    void exploitCombinesTheIdeasThatBeatTheBaseline() throws Exception {
        Idea context = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, CONTEXT, "", List.of(), null));
        Idea hidden = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, HIDDEN, "", List.of(), null));
        finish(context, 1.62);
        finish(hidden, 1.71);
        finish(null, 2.1); // the baseline: both beat it (charlm minimizes val_loss)
        IdeaInbox inbox = inbox();
        assertThat(inbox.ideation().beatBaseline()).isEqualTo(2);

        IdeaGeneration.Outcome outcome = inbox.generate(2, Mode.EXPLOIT, IdeaGeneration.Progress.NONE);

        assertThat(outcome.stored()).singleElement().satisfies(child -> {
            assertThat(child.title()).isEqualTo("ctx10 + hidden512");
            assertThat(child.parents()).containsExactly(context.id(), hidden.id());
            assertThat(child.status()).isEqualTo(IdeaStatus.APPROVED);
        });
    }

    @Test
    void anLlmIdeatorWithoutAKeyIsASentence() throws Exception {
        Path dir = study.dir();
        study.close();
        Path spec = dir.resolve("groundwork.yaml");
        Files.writeString(spec, Files.readString(spec).replace("ideator: catalog", "ideator: openai:gpt-test"));
        study = library.open(dir);
        IdeaInbox inbox = inbox();

        assertThat(inbox.ideation().ideator()).isEqualTo("openai:gpt-test");
        assertThatThrownBy(() -> inbox.generate(3, Mode.EXPLORE, IdeaGeneration.Progress.NONE))
                .isInstanceOf(AgentException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThat(study.store().ideas().all()).isEmpty();
    }

    @Test
    void seedingSuggestsTheCatalogsIdeasOnlyWhileTheCatalogImplements() throws Exception {
        assertThat(inbox().seedSuggestions()).hasSize(16)
                .anySatisfy(suggestion -> {
                    assertThat(suggestion.title()).isEqualTo(CONTEXT);
                    assertThat(suggestion.text()).startsWith("[Experiment]");
                });

        Path dir = study.dir();
        study.close();
        Path spec = dir.resolve("groundwork.yaml");
        Files.writeString(spec, Files.readString(spec).replace("implementer: catalog", "implementer: openai:gpt-test"));
        study = library.open(dir);
        assertThat(inbox().seedSuggestions()).as("an LLM implements any idea").isEmpty();
    }

    /** A finished run of {@code idea} (null: the baseline) that earned {@code reward}. */
    private void finish(Idea idea, double reward) {
        Run run = study.store().runs().queue(new NewRun(null, idea == null ? null : idea.id(), 0,
                Reproducibility.none()));
        study.store().runs().markStarting(run.id(), "local", List.of(0), "runs/" + run.id() + "/log.txt");
        study.store().runs().markRunning(run.id(), "pid-" + run.id(), Reproducibility.none());
        study.store().runs().finish(run.id(), RunStatus.SUCCEEDED, 0, null, reward);
    }
}
