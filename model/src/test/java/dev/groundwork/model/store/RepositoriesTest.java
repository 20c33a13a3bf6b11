package dev.groundwork.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.groundwork.model.common.IllegalTransitionException;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.llm.LlmRole;
import dev.groundwork.model.llm.NewLlmCall;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.patch.ReviewDecision;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoriesTest {

    @TempDir
    Path dir;

    private final StoreFixture.MutableClock clock = StoreFixture.clock();
    private StudyStore store;

    @BeforeEach
    void open() throws Exception {
        store = StoreFixture.open(dir, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void closingAClosedStoreDoesNothingAndKeepsWhatTheFirstCloseSaved() throws Exception {
        Idea idea = store.ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "t", ""));
        store.close();
        store.close(); // the window closes a study it leaves; its owner may close it again

        try (StudyStore again = StoreFixture.open(dir, clock)) {
            assertThat(again.ideas().find(idea.id())).isPresent();
        }
    }

    @Test
    void ideasRoundTripWithParentsInOrder() {
        Idea a = store.ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "Wider MLP", "[Experiment] widen [End]"));
        Idea b = store.ideas().propose(new NewIdea(0, IdeaOrigin.CATALOG, "Cosine schedule", "text"));
        clock.advanceSeconds(5);
        Idea child = store.ideas().propose(new NewIdea(1, IdeaOrigin.LLM_EXPLOIT, "Both", "combine", List.of(b.id(), a.id()), null));

        assertThat(child.parents()).containsExactly(b.id(), a.id());
        assertThat(child.status()).isEqualTo(IdeaStatus.PROPOSED);
        assertThat(child.createdAt()).isEqualTo(StoreFixture.T0.plusSeconds(5));
        assertThat(store.ideas().get(child.id())).isEqualTo(child);
        assertThat(store.ideas().all()).extracting(Idea::title).containsExactly("Wider MLP", "Cosine schedule", "Both");
        assertThat(store.ideas().inEpoch(1)).containsExactly(child);
        assertThat(store.ideas().all().get(2).parents()).containsExactly(b.id(), a.id());

        Idea annotated = store.ideas().annotate(a.id(), "promising", 4);
        assertThat(annotated.notes()).isEqualTo("promising");
        assertThat(annotated.score()).isEqualTo(4);
        assertThatThrownBy(() -> store.ideas().annotate(a.id(), "x", 6)).hasMessage("A score is 1 to 5.");
    }

    @Test
    void aParentThatDoesNotExistIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> store.ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "orphan", "", List.of(42L), null)))
                .isInstanceOf(StoreException.class);
        assertThat(store.ideas().all()).isEmpty();
    }

    @Test
    void ideaTransitionsFollowTheStateMachineAndAnIllegalOneChangesNothing() {
        Idea idea = store.ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "t", ""));
        clock.advanceSeconds(1);
        assertThatThrownBy(() -> store.ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Idea " + idea.id() + " cannot go from proposed to implemented: from proposed it may only become"
                        + " approved, rejected.");
        assertThat(store.ideas().get(idea.id())).isEqualTo(idea);

        assertThat(store.ideas().moveTo(idea.id(), IdeaStatus.APPROVED).status()).isEqualTo(IdeaStatus.APPROVED);
        assertThat(store.ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTING).status()).isEqualTo(IdeaStatus.IMPLEMENTING);
        Idea done = store.ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTED);
        assertThat(done.updatedAt()).isEqualTo(StoreFixture.T0.plusSeconds(1));
        assertThat(store.ideas().withStatus(IdeaStatus.IMPLEMENTED)).containsExactly(done);
    }

    @Test
    void patchesNumberTheirAttemptsAndCarryReviewDecisions() {
        Idea idea = store.ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "t", ""));
        Patch first = store.patches().add(new NewPatch(idea.id(), "--- a/x\n+++ b/x\n", "abc123", null, "llm:gpt"));
        Patch failed = store.patches().markApplyFailed(first.id(), "{\"error\":\"hunk 1 did not match\"}");
        store.patches().decide(failed.id(), PatchStatus.SUPERSEDED, new ReviewDecision("engine", clock.instant(), "retry"));
        Patch second = store.patches().add(new NewPatch(idea.id(), "diff2", "abc123", null, "llm:gpt"));
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.branch()).isEqualTo("gw/idea-" + idea.id());

        store.patches().markApplied(second.id(), "{\"ok\":true}", "clean diff", "def456");
        store.patches().markPreflight(second.id(), true, "compiled 2 files");
        assertThatThrownBy(() -> store.patches().markApplied(second.id(), "again", "d", "x"))
                .isInstanceOf(IllegalTransitionException.class);
        Patch approved = store.patches().decide(second.id(), PatchStatus.APPROVED,
                new ReviewDecision("alice", StoreFixture.T0.plusSeconds(60), "looks right"));

        assertThat(approved.status()).isEqualTo(PatchStatus.APPROVED);
        assertThat(approved.commit()).isEqualTo("def456");
        assertThat(approved.appliedDiff()).isEqualTo("clean diff");
        assertThat(approved.diff()).as("the text as submitted is kept for audit").isEqualTo("diff2");
        assertThat(approved.preflightReport()).isEqualTo("compiled 2 files");
        assertThat(approved.decision()).isEqualTo(new ReviewDecision("alice", StoreFixture.T0.plusSeconds(60), "looks right"));
        assertThat(store.patches().forIdea(idea.id())).extracting(Patch::status)
                .containsExactly(PatchStatus.SUPERSEDED, PatchStatus.APPROVED);
        assertThatThrownBy(() -> store.patches().decide(second.id(), PatchStatus.APPLIED,
                new ReviewDecision("x", clock.instant(), ""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsRecordTheirLifeAndChargeGpuSecondsPerGpu() {
        Idea idea = store.ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "t", ""));
        Patch patch = store.patches().add(new NewPatch(idea.id(), "d", "abc", null, "human"));
        Reproducibility repro = new Reproducibility(List.of("python3", "train.py"), List.of("OMP_NUM_THREADS"), 7L,
                "sha256:abc", "H100");
        Run queued = store.runs().queue(new NewRun(patch.id(), idea.id(), 0, repro));
        assertThat(queued.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(queued.reproducibility()).isEqualTo(repro);

        store.runs().markStarting(queued.id(), "gpu-box", List.of(2, 3), "runs/1/log.txt");
        store.runs().markRunning(queued.id(), "container-9f", repro);
        assertThat(store.runs().active()).extracting(Run::id).containsExactly(queued.id());
        clock.advanceSeconds(90);
        Run done = store.runs().finish(queued.id(), RunStatus.SUCCEEDED, 0, null, 2.41);

        assertThat(done.gpuIds()).containsExactly(2, 3);
        assertThat(done.host()).isEqualTo("gpu-box");
        assertThat(done.handle()).isEqualTo("container-9f");
        assertThat(done.reward()).isEqualTo(2.41);
        assertThat(done.elapsedSeconds(clock.instant())).isEqualTo(90.0);
        assertThat(store.ledger().study().gpuSeconds()).isCloseTo(180.0, within(1e-9));
        assertThat(store.ledger().idea(idea.id()).runs()).isEqualTo(1);
        assertThatThrownBy(() -> store.runs().finish(queued.id(), RunStatus.FAILED, 1, FailureClass.CODE, null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(store.runs().get(queued.id())).isEqualTo(done);
    }

    @Test
    void metricsFromManyThreadsLandInStepOrderAndARepeatedStepReplaces() throws Exception {
        Run run = store.runs().queue(new NewRun(null, null, 0, null));
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int batch = 0; batch < 25; batch++) {
                    int first = (batch * 4 + offset) * 10;
                    store.metrics().append(IntStream.range(first, first + 10)
                            .mapToObj(step -> new MetricPoint(run.id(), "train_loss", step, 1.0 / (step + 1), step * 0.01))
                            .toList());
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        store.metrics().append(List.of(new MetricPoint(run.id(), "val_loss", 100, 2.0, 1.0),
                new MetricPoint(run.id(), "val_loss", 100, 1.5, 1.1)));
        store.metrics().flush();

        List<MetricPoint> series = store.metrics().series(run.id(), "train_loss");
        assertThat(series).hasSize(1000);
        assertThat(series).extracting(MetricPoint::step).isSorted();
        assertThat(series.get(999).value()).isEqualTo(1.0 / 1000);
        assertThat(store.metrics().series(run.id(), "val_loss")).containsExactly(new MetricPoint(run.id(), "val_loss", 100, 1.5, 1.1));
        assertThat(store.metrics().names(run.id())).containsExactly("train_loss", "val_loss");
        assertThat(store.metrics().count(run.id())).isEqualTo(1001);
    }

    @Test
    void llmCallsAndTheLedgerSumPerIdeaEpochAndStudy() {
        Idea idea = store.ideas().propose(new NewIdea(1, IdeaOrigin.LLM_EXPLORE, "t", ""));
        store.llmCalls().record(new NewLlmCall(LlmRole.IDEATOR, "openai", "gpt-5", null, 0, 1200, 800, 0.25, 900,
                "prompt", "answer", null));
        store.llmCalls().record(new NewLlmCall(LlmRole.IMPLEMENTER, "anthropic", "claude", idea.id(), 1, 3000, 1500, 0.5,
                2000, "p2", "r2", null));
        store.runs().queue(new NewRun(null, null, 1, null));

        assertThat(store.llmCalls().forIdea(idea.id())).singleElement()
                .satisfies(call -> assertThat(call.tokensIn()).isEqualTo(3000));
        assertThat(store.ledger().study().llmUsd()).isEqualTo(0.75);
        assertThat(store.ledger().study().llmCalls()).isEqualTo(2);
        assertThat(store.ledger().idea(idea.id()).llmUsd()).isEqualTo(0.5);
        assertThat(store.ledger().epochs()).extracting(e -> e.key() + ":" + e.llmUsd() + ":" + e.runs())
                .containsExactly("0:0.25:0", "1:0.5:1");
    }

    @Test
    void statusCountsEveryStatusAndFindsTheBestAndTheBaseline() {
        Run baseline = store.runs().queue(new NewRun(null, null, 0, null));
        store.runs().markStarting(baseline.id(), "local", List.of(), "runs/1/log");
        store.runs().markRunning(baseline.id(), "123", Reproducibility.none());
        store.runs().finish(baseline.id(), RunStatus.SUCCEEDED, 0, null, 2.0);
        for (double reward : new double[] {2.3, 1.7, 1.9}) {
            Idea idea = store.ideas().propose(new NewIdea(1, IdeaOrigin.CATALOG, "idea " + reward, ""));
            Patch patch = store.patches().add(new NewPatch(idea.id(), "d", "abc", null, "catalog"));
            Run run = store.runs().queue(new NewRun(patch.id(), idea.id(), 1, null));
            store.runs().markStarting(run.id(), "local", List.of(), "log");
            store.runs().markRunning(run.id(), "1", Reproducibility.none());
            store.runs().finish(run.id(), RunStatus.SUCCEEDED, 0, null, reward);
        }
        store.meta().put(MetaRepository.EPOCH, "3");

        var status = store.status().status("demo", false);
        assertThat(status.study()).isEqualTo("demo");
        assertThat(status.epoch()).isEqualTo(3);
        assertThat(status.ideas()).containsEntry("total", 3).containsEntry("proposed", 3).containsEntry("rejected", 0);
        assertThat(status.ideas().keySet()).first().isEqualTo("total");
        assertThat(status.runs()).containsEntry("total", 4).containsEntry("succeeded", 4).containsEntry("timed-out", 0);
        assertThat(status.patches()).containsEntry("draft", 3).containsEntry("apply-failed", 0);
        assertThat(status.baselineReward()).isEqualTo(2.0);
        assertThat(status.best().title()).isEqualTo("idea 1.7");
        assertThat(store.status().status("demo", true).best().title()).isEqualTo("idea 2.3");
    }

    @Test
    void onlyTheFirstSuccessOfAPatchOrOfTheBaselineCountsRepeatsNever() {
        Run baseline = finished(null, null, RunStatus.SUCCEEDED, 2.0);
        Run baselineRepeat = finished(null, null, RunStatus.SUCCEEDED, 1.5);
        Idea idea = store.ideas().propose(new NewIdea(1, IdeaOrigin.CATALOG, "idea", ""));
        Patch patch = store.patches().add(new NewPatch(idea.id(), "d", "abc", null, "catalog"));
        Run failed = finished(patch.id(), idea.id(), RunStatus.FAILED, null);
        Run first = finished(patch.id(), idea.id(), RunStatus.SUCCEEDED, 1.9);
        Run repeat = finished(patch.id(), idea.id(), RunStatus.SUCCEEDED, 1.2);

        assertThat(List.of(baseline, baselineRepeat, failed, first, repeat)).extracting(Run::rewardCounts)
                .containsExactly(true, false, false, true, false);
        assertThat(store.runs().baselineReward()).contains(2.0);
        assertThat(store.runs().bestRewardsByIdea(false)).containsExactly(Map.entry(idea.id(), 1.9));
        var status = store.status().status("demo", false);
        assertThat(status.best().reward()).isEqualTo(1.9);
        assertThat(status.best().run()).isEqualTo(first.id());
        assertThat(status.baselineReward()).isEqualTo(2.0);
    }

    private Run finished(Long patchId, Long ideaId, RunStatus outcome, Double reward) {
        Run run = store.runs().queue(new NewRun(patchId, ideaId, 0, null));
        store.runs().markStarting(run.id(), "local", List.of(), "log");
        store.runs().markRunning(run.id(), "1", Reproducibility.none());
        return store.runs().finish(run.id(), outcome, outcome == RunStatus.SUCCEEDED ? 0 : 1, null, reward);
    }

    @Test
    void aReadOnlyStoreReadsButRefusesEveryWrite() throws Exception {
        store.ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "kept", ""));
        try (StudyStore readOnly = StudyStore.openReadOnly(dir.resolve("groundwork.db"), "pid 42 holds it", clock)) {
            assertThat(readOnly.ideas().all()).extracting(Idea::title).containsExactly("kept");
            assertThatThrownBy(() -> readOnly.ideas().propose(new NewIdea(0, IdeaOrigin.HUMAN, "x", "")))
                    .isInstanceOf(ReadOnlyStudyException.class)
                    .hasMessage("This study is open read-only, so nothing was changed: pid 42 holds it");
        }
        assertThat(store.ideas().all()).hasSize(1);
    }
}
