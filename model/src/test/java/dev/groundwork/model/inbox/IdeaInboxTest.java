package dev.groundwork.model.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.IdeaGeneration;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.store.MetaRepository;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdeaInboxTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyFolder study;
    private IdeaInbox inbox;

    @BeforeEach
    void open() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC())
                .create(temp.resolve("study"), "minimal");
        inbox = new IdeaInbox(study, new HumanPatches(study, new BaselineCode(study),
                (workspace, changed, smoke, timeout) -> new Preflight.Result(true, "compiled"), LoopEvents.NONE));
    }

    @AfterEach
    void close() throws Exception {
        study.close();
        settings.close();
    }

    @Test
    void rowsAreNewestFirstWithTheBestRewardOfFinishedRuns() {
        Idea first = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "Cosine schedule", ""));
        Idea second = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.LLM_EXPLORE, "Higher LR", ""));
        finish(first, RunStatus.SUCCEEDED, 0.42);
        finish(first, RunStatus.SUCCEEDED, 0.37); // minimal minimizes val_loss: this is the best
        finish(first, RunStatus.FAILED, null);
        Run queued = study.store().runs().queue(new NewRun(null, second.id(), 0, Reproducibility.none()));

        List<IdeaInbox.Row> rows = inbox.rows();
        assertThat(rows).extracting(row -> row.idea().id()).containsExactly(second.id(), first.id());
        assertThat(rows.get(1).bestReward()).isEqualTo(0.37);
        assertThat(rows.get(1).runs()).isEqualTo(3);
        assertThat(rows.get(1).patchStatus()).isEmpty();
        assertThat(rows.get(0).bestReward()).as("a queued run earned nothing yet").isNull();
        assertThat(rows.get(0).runs()).isEqualTo(1);
        assertThat(queued.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(inbox.prompt(first.id())).isEmpty();
    }

    @Test
    void theGateAndTheNotes() {
        Idea idea = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "Cosine schedule", ""));
        Idea other = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "Warmup", ""));
        assertThat(inbox.approve(idea.id()).status()).isEqualTo(IdeaStatus.APPROVED);
        assertThat(inbox.reject(other.id()).status()).isEqualTo(IdeaStatus.REJECTED);
        assertThatThrownBy(() -> inbox.approve(other.id())).isInstanceOf(RuntimeException.class);
        Idea noted = inbox.annotate(idea.id(), "promising", 5);
        assertThat(noted.notes()).isEqualTo("promising");
        assertThat(noted.score()).isEqualTo(5);
        assertThatThrownBy(() -> inbox.annotate(idea.id(), "", 6)).hasMessage("A score is 1 to 5.");
    }

    @Test
    void aSeedIsApprovedAndItsDiffMustApply() throws Exception {
        Idea parent = study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "Cosine schedule", ""));
        assertThatThrownBy(() -> inbox.seed("Broken", "", List.of(), Optional.of(
                "--- a/train.py\n+++ b/train.py\n@@ -1,1 +1,1 @@\n-not in the file\n+x = 1\n")))
                .isInstanceOf(IdeaInbox.SeedRefused.class);
        assertThat(study.store().ideas().all()).hasSize(1);
        assertThatThrownBy(() -> inbox.seed(" ", "", List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);

        String outcome = inbox.seed(" Momentum ", "heavy ball", List.of(parent.id()),
                Optional.of(Files.readString(study.dir().resolve("ideas/momentum.diff"))));
        Idea seeded = study.store().ideas().all().getLast();
        assertThat(outcome).startsWith("Seeded idea " + seeded.id() + " \"Momentum\" in epoch 0.");
        assertThat(seeded.origin()).isEqualTo(IdeaOrigin.HUMAN);
        assertThat(seeded.parents()).containsExactly(parent.id());
        assertThat(study.store().patches().forIdea(seeded.id())).hasSize(1);
        assertThat(inbox.rows().getFirst().patchStatus()).isNotEmpty();
    }

    @Test
    void generatingNeedsAnIdeatorAndSaysWhatTheDialogShows() throws Exception {
        assertThat(inbox.canGenerate()).isFalse();
        assertThatThrownBy(() -> inbox.generate(2, IdeationRequest.Mode.EXPLORE, IdeaGeneration.Progress.NONE))
                .isInstanceOf(IllegalStateException.class);

        IdeaInbox withIdeator = new IdeaInbox(study, null, new IdeatorSource() {
            @Override
            public String name() {
                return "two-idea ideator";
            }

            @Override
            public Ideator open() {
                return new Ideator() {
                    @Override
                    public String displayName() {
                        return name();
                    }

                    @Override
                    public List<ProposedIdea> propose(IdeationRequest request) {
                        return List.of(new ProposedIdea("Warmup", "", IdeaOrigin.LLM_EXPLORE, List.of()),
                                new ProposedIdea("Momentum", "", IdeaOrigin.LLM_EXPLORE, List.of()));
                    }
                };
            }
        });
        study.store().meta().put(MetaRepository.EPOCH, "1");
        assertThat(withIdeator.canGenerate()).isTrue();
        assertThat(withIdeator.ideation()).isEqualTo(new IdeaInbox.Ideation("two-idea ideator", 1, 2, 0, true));

        IdeaGeneration.Outcome outcome = withIdeator.generate(2, IdeationRequest.Mode.EXPLORE,
                IdeaGeneration.Progress.NONE);
        assertThat(outcome.stored()).extracting(Idea::title).containsExactly("Warmup", "Momentum");
        assertThat(withIdeator.rows()).extracting(row -> row.idea().status()).containsOnly(IdeaStatus.APPROVED);

        IdeaInbox noKey = new IdeaInbox(study, null, new IdeatorSource() {
            @Override
            public String name() {
                return "openai:gpt-test";
            }

            @Override
            public Ideator open() throws AgentException {
                throw new AgentException("agents.ideator is openai:gpt-test, but OPENAI_API_KEY is not set.");
            }
        });
        assertThatThrownBy(() -> noKey.generate(1, IdeationRequest.Mode.EXPLORE, IdeaGeneration.Progress.NONE))
                .hasMessageContaining("OPENAI_API_KEY");
        assertThat(study.store().ideas().all()).hasSize(2);
    }

    private void finish(Idea idea, RunStatus outcome, Double reward) {
        Run run = study.store().runs().queue(new NewRun(null, idea.id(), 0, Reproducibility.none()));
        study.store().runs().markStarting(run.id(), "local", List.of(0), "runs/" + run.id() + "/log.txt");
        study.store().runs().markRunning(run.id(), "pid-" + run.id(), Reproducibility.none());
        study.store().runs().finish(run.id(), outcome, outcome == RunStatus.SUCCEEDED ? 0 : 1, null, reward);
    }
}
