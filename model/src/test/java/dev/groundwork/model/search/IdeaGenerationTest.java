package dev.groundwork.model.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.IdeationRequest.Mode;
import dev.groundwork.model.agent.IdeationRequest.ScoredIdea;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.llm.LlmRole;
import dev.groundwork.model.llm.NewLlmCall;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.store.MetaRepository;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generating and breeding ideas outside the loop on a real charlm study, with a scripted ideator (the offline catalog
 * lives in runners; app's {@code WindowIdeatorTest} runs the real one): stored as the loop stores them, batch by batch,
 * through the idea gate; a cancel keeps what was stored; breeding records the chosen parents.
 */
class IdeaGenerationTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyLibrary library;
    private StudyFolder study;

    @BeforeEach
    void create() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC());
        study = library.create(temp.resolve("study"), "charlm");
    }

    @AfterEach
    void close() throws Exception {
        study.close();
        settings.close();
    }

    @Test
    void generatedIdeasAreStoredAsTheLoopStoresThemInBatchesThroughTheAutoGate() throws Exception {
        study.store().meta().put(MetaRepository.EPOCH, "2");
        Idea old = propose("Cosine LR", List.of());
        LlmCall call = study.store().llmCalls().record(new NewLlmCall(LlmRole.IDEATOR, "openai", "gpt-test", null, 2,
                100, 50, 0.01, 10, "propose ideas", "[Title] …", null));
        ScriptedIdeator ideator = new ScriptedIdeator(request -> {
            List<ProposedIdea> answer = new ArrayList<>();
            answer.add(new ProposedIdea("cosine-lr.", "a repeat in other spelling", IdeaOrigin.LLM_EXPLORE, List.of(),
                    call.id()));
            int first = request.pastIdeas().size();
            for (int i = 0; i < request.count(); i++) {
                answer.add(new ProposedIdea("Idea " + (first + i), "text " + (first + i), IdeaOrigin.LLM_EXPLORE,
                        List.of(), call.id()));
            }
            return answer;
        });
        List<String> progress = new ArrayList<>();

        IdeaGeneration.Outcome outcome = new IdeaGeneration(study, ideator).generate(7, Mode.EXPLORE, progress(progress,
                new AtomicBoolean()));

        assertThat(ideator.requests).extracting(IdeationRequest::count).containsExactly(5, 2);
        assertThat(ideator.requests).allSatisfy(request -> assertThat(request.mode()).isEqualTo(Mode.EXPLORE));
        assertThat(ideator.requests.get(1).pastIdeas()).as("the second batch sees the first one's ideas").hasSize(6);
        assertThat(outcome.stored()).hasSize(7).allSatisfy(idea -> {
            Idea stored = study.store().ideas().get(idea.id());
            assertThat(stored.epoch()).isEqualTo(2);
            assertThat(stored.origin()).isEqualTo(IdeaOrigin.LLM_EXPLORE);
            assertThat(stored.status()).as("charlm's idea gate is auto").isEqualTo(IdeaStatus.APPROVED);
            assertThat(stored.promptCallId()).isEqualTo(call.id());
        });
        assertThat(study.store().ideas().all()).extracting(Idea::title).doesNotContain("cosine-lr.");
        assertThat(study.store().ideas().get(old.id()).status()).as("only what it stored passes the gate")
                .isEqualTo(IdeaStatus.PROPOSED);
        assertThat(progress).containsExactly("0/7", "1/7", "2/7", "3/7", "4/7", "5/7", "6/7", "7/7");
        assertThat(outcome.sentence()).startsWith("Stored 7 new ideas from scripted in epoch 2 (#")
                .contains("approved");
    }

    @Test
    void aManualGateLeavesThemProposedAndAnExhaustedIdeatorSaysSo() throws Exception {
        reopenWith("gates: { idea: auto", "gates: { idea: manual");
        ScriptedIdeator ideator = new ScriptedIdeator(request -> request.pastIdeas().isEmpty()
                ? List.of(new ProposedIdea("Only idea", "", IdeaOrigin.CATALOG, List.of()))
                : List.of());

        IdeaGeneration.Outcome outcome = new IdeaGeneration(study, ideator).generate(3, Mode.EXPLORE,
                IdeaGeneration.Progress.NONE);

        assertThat(outcome.stored()).singleElement().satisfies(idea -> {
            assertThat(idea.status()).isEqualTo(IdeaStatus.PROPOSED);
            assertThat(idea.origin()).isEqualTo(IdeaOrigin.CATALOG);
            assertThat(idea.epoch()).isZero();
        });
        assertThat(ideator.requests).as("asked again once, then it had nothing").hasSize(2);
        assertThat(outcome.sentence()).isEqualTo("Scripted had only 1 new idea of the 3 asked for: stored 1 new idea in"
                + " epoch 0 (#" + outcome.stored().getFirst().id() + "). It waits at the idea gate for your approval.");
    }

    @Test
    void nearDuplicatesAreAskedForAgainAtMostTwiceBeforeARequestEndsShort() throws Exception {
        propose("Cosine LR", List.of());
        propose("Dropout", List.of());
        ScriptedIdeator repeats = new ScriptedIdeator(request -> {
            List<ProposedIdea> answer = new ArrayList<>(List.of(
                    new ProposedIdea("cosine lr", "again", IdeaOrigin.LLM_EXPLORE, List.of()),
                    new ProposedIdea("DROPOUT!", "again", IdeaOrigin.LLM_EXPLORE, List.of())));
            if (request.pastIdeas().size() == 2) {
                answer.add(new ProposedIdea("Wider MLP", "new", IdeaOrigin.LLM_EXPLORE, List.of()));
            } else if (request.pastIdeas().size() == 3) {
                answer.add(new ProposedIdea("Label smoothing", "new", IdeaOrigin.LLM_EXPLORE, List.of()));
            }
            return answer;
        });

        IdeaGeneration.Asked asked = new IdeaGeneration(study, repeats).askFilled(0, 3, Mode.EXPLORE, List.of(), List.of());

        assertThat(asked.fresh()).extracting(ProposedIdea::title).containsExactly("Wider MLP", "Label smoothing");
        assertThat(asked.duplicates()).isEqualTo(6);
        assertThat(repeats.requests).as("asked again for the shortfall, twice at most")
                .extracting(IdeationRequest::count).containsExactly(3, 2, 1);
        assertThat(repeats.requests.get(1).pastIdeas()).extracting(IdeationRequest.PastIdea::title)
                .as("a second call is told what the first one gave").contains("Wider MLP");
    }

    @Test
    void aCancelBetweenBatchesOrDuringACallKeepsWhatWasStored() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        ScriptedIdeator ideator = new ScriptedIdeator(request -> {
            if (request.pastIdeas().size() >= 5) {
                cancelled.set(true); // the researcher cancels while the second batch is being asked for
                throw new AgentException("asking scripted for ideas was interrupted.");
            }
            return numbered(request, "First batch");
        });

        IdeaGeneration.Outcome outcome = new IdeaGeneration(study, ideator).generate(12, Mode.EXPLORE,
                progress(new ArrayList<>(), cancelled));

        assertThat(outcome.cancelled()).isTrue();
        assertThat(outcome.stored()).hasSize(5);
        assertThat(study.store().ideas().all()).hasSize(5);
        assertThat(outcome.sentence()).startsWith("Cancelled after 5 of 12; kept 5 new ideas in epoch 0 (#");

        cancelled.set(false);
        ScriptedIdeator again = new ScriptedIdeator(request -> numbered(request, "Second run"));
        AtomicBoolean cancelAfterFirst = new AtomicBoolean();
        IdeaGeneration.Outcome second = new IdeaGeneration(study, again).generate(12, Mode.EXPLORE,
                new IdeaGeneration.Progress() {
                    @Override
                    public void stored(int done, int wanted) {
                        cancelAfterFirst.set(done >= 5);
                    }

                    @Override
                    public boolean cancelled() {
                        return cancelAfterFirst.get();
                    }
                });
        assertThat(again.requests).as("no call starts after a cancel").hasSize(1);
        assertThat(second.stored()).hasSize(5);
        assertThat(study.store().ideas().all()).hasSize(10);
    }

    @Test
    void aFailureAfterSomeIdeasKeepsThemAndAFailureBeforeAnyIsThrown() throws Exception {
        ScriptedIdeator failing = new ScriptedIdeator(request -> {
            throw new AgentException("openai:gpt-test refused: no quota.");
        });
        assertThatThrownBy(() -> new IdeaGeneration(study, failing).generate(3, Mode.EXPLORE,
                IdeaGeneration.Progress.NONE)).isInstanceOf(AgentException.class).hasMessageContaining("no quota");

        ScriptedIdeator halfway = new ScriptedIdeator(request -> {
            if (!request.pastIdeas().isEmpty()) {
                throw new AgentException("openai:gpt-test refused: no quota.");
            }
            return numbered(request, "Before the quota");
        });
        IdeaGeneration.Outcome outcome = new IdeaGeneration(study, halfway).generate(8, Mode.EXPLORE,
                IdeaGeneration.Progress.NONE);
        assertThat(outcome.stored()).hasSize(5);
        assertThat(outcome.stoppedBecause()).contains("openai:gpt-test refused: no quota.");
        assertThat(outcome.sentence()).contains("It stopped: openai:gpt-test refused: no quota.");
    }

    @Test
    void exploitShowsTheIdeasThatBeatTheBaselineAndRefusesWhenNoneDid() throws Exception {
        ScriptedIdeator ideator = new ScriptedIdeator(request -> List.of(new ProposedIdea("Combined",
                "both", IdeaOrigin.LLM_EXPLOIT, request.exemplars().stream().map(ScoredIdea::id).toList())));
        assertThatThrownBy(() -> new IdeaGeneration(study, ideator).generate(2, Mode.EXPLOIT,
                IdeaGeneration.Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No idea has beaten the baseline yet");
        assertThat(ideator.requests).isEmpty();

        Idea good = propose("Good", List.of());
        Idea better = propose("Better", List.of());
        Idea worse = propose("Worse", List.of());
        finish(null, 2.0); // the baseline runs first (charlm minimizes val_loss)
        finish(good, 1.9);
        finish(better, 1.7);
        finish(worse, 2.4);

        IdeaGeneration.Outcome outcome = new IdeaGeneration(study, ideator).generate(1, Mode.EXPLOIT,
                IdeaGeneration.Progress.NONE);

        assertThat(ideator.requests.getFirst().exemplars()).extracting(ScoredIdea::id)
                .containsExactly(better.id(), good.id());
        assertThat(outcome.stored().getFirst().parents()).containsExactly(better.id(), good.id());
        assertThat(outcome.stored().getFirst().origin()).isEqualTo(IdeaOrigin.LLM_EXPLOIT);
    }

    @Test
    void breedingExploitsExactlyTheChosenParentsAndStoresTheLineage() throws Exception {
        Idea a = propose("Adam optimizer", List.of());
        Idea b = propose("Gradient clipping", List.of());
        Idea unrelated = propose("Dropout", List.of());
        finish(a, 1.8);
        finish(b, 1.6);
        finish(unrelated, 1.2);
        ScriptedIdeator ideator = new ScriptedIdeator(request -> List.of(
                new ProposedIdea("Adam with clipping", "both", IdeaOrigin.LLM_EXPLOIT, List.of()),
                new ProposedIdea("Clipping, refined", "one", IdeaOrigin.LLM_EXPLOIT, List.of(b.id()))));

        IdeaGeneration.Outcome outcome = new IdeaGeneration(study, ideator).breed(List.of(a.id(), b.id()), 2,
                IdeaGeneration.Progress.NONE);

        IdeationRequest request = ideator.requests.getFirst();
        assertThat(request.mode()).isEqualTo(Mode.EXPLOIT);
        assertThat(request.exemplars()).extracting(ScoredIdea::id).as("best first").containsExactly(b.id(), a.id());
        assertThat(request.exemplars()).extracting(ScoredIdea::reward).containsExactly(1.6, 1.8);
        assertThat(outcome.stored()).hasSize(2);
        Idea both = outcome.stored().get(0);
        assertThat(both.parents()).as("it named none, so all chosen").containsExactly(a.id(), b.id());
        assertThat(outcome.stored().get(1).parents()).containsExactly(b.id());
        assertThat(study.store().ideas().ancestors(both.id())).extracting(Idea::id).contains(a.id(), b.id());
        assertThat(study.store().ideas().children().get(a.id())).contains(both.id());
    }

    @Test
    void breedingNeedsParentsWithRewardsAndASensibleCount() throws Exception {
        Idea ran = propose("Adam optimizer", List.of());
        Idea unrun = propose("Dropout", List.of());
        finish(ran, 1.8);
        ScriptedIdeator ideator = new ScriptedIdeator(request -> List.of());
        IdeaGeneration generation = new IdeaGeneration(study, ideator);

        assertThatThrownBy(() -> generation.breed(List.of(ran.id(), unrun.id()), 2, IdeaGeneration.Progress.NONE))
                .hasMessage("Idea " + unrun.id() + " \"Dropout\" has no reward yet: breed from ideas whose runs have"
                        + " finished.");
        assertThatThrownBy(() -> generation.breed(List.of(), 2, IdeaGeneration.Progress.NONE))
                .hasMessage("Choose the ideas to breed from in the table first.");
        assertThatThrownBy(() -> generation.breed(List.of(99L), 2, IdeaGeneration.Progress.NONE))
                .hasMessage("There is no idea 99 in this study.");
        assertThatThrownBy(() -> generation.generate(51, Mode.EXPLORE, IdeaGeneration.Progress.NONE))
                .hasMessage("Ask for 1 to 50 ideas at a time.");
        assertThatThrownBy(() -> generation.generate(0, Mode.EXPLORE, IdeaGeneration.Progress.NONE))
                .hasMessage("Ask for 1 to 50 ideas at a time.");
        assertThat(ideator.requests).isEmpty();

        IdeaGeneration.Outcome none = generation.breed(List.of(ran.id()), 1, IdeaGeneration.Progress.NONE);
        assertThat(none.stored()).isEmpty();
        assertThat(none.sentence()).isEqualTo("Scripted had no new idea for this request.");
    }

    private Idea propose(String title, List<Long> parents) {
        return study.store().ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, title, "", parents, null));
    }

    /** A finished run of {@code idea} (null: the baseline) that earned {@code reward}. */
    private void finish(Idea idea, double reward) {
        Run run = study.store().runs().queue(new NewRun(null, idea == null ? null : idea.id(), 0, Reproducibility.none()));
        study.store().runs().markStarting(run.id(), "local", List.of(0), "runs/" + run.id() + "/log.txt");
        study.store().runs().markRunning(run.id(), "pid-" + run.id(), Reproducibility.none());
        study.store().runs().finish(run.id(), RunStatus.SUCCEEDED, 0, null, reward);
    }

    private void reopenWith(String from, String to) throws Exception {
        Path dir = study.dir();
        study.close();
        Path spec = dir.resolve("groundwork.yaml");
        Files.writeString(spec, Files.readString(spec).replace(from, to));
        study = library.open(dir);
    }

    private static List<ProposedIdea> numbered(IdeationRequest request, String prefix) {
        List<ProposedIdea> ideas = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            int n = request.pastIdeas().size() + i;
            ideas.add(new ProposedIdea(prefix + " " + n, "", IdeaOrigin.CATALOG, List.of()));
        }
        return ideas;
    }

    private static IdeaGeneration.Progress progress(List<String> log, AtomicBoolean cancelled) {
        return new IdeaGeneration.Progress() {
            @Override
            public void stored(int done, int wanted) {
                log.add(done + "/" + wanted);
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
    }

    /** Answers each request with what the script says, and keeps the requests. */
    private static final class ScriptedIdeator implements Ideator {

        interface Script {
            List<ProposedIdea> answer(IdeationRequest request) throws AgentException;
        }

        final List<IdeationRequest> requests = new ArrayList<>();
        private final Script script;

        ScriptedIdeator(Script script) {
            this.script = script;
        }

        @Override
        public String displayName() {
            return "scripted";
        }

        @Override
        public List<ProposedIdea> propose(IdeationRequest request) throws AgentException {
            requests.add(request);
            return script.answer(request);
        }
    }
}
