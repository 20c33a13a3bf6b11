package dev.groundwork.model.search;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.AgentUnavailableException;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.Implementer;
import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.dispatch.StudyScheduler;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.MissingModule;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.store.MetaRepository;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Execution-grounded evolutionary search, epoch by epoch: a baseline run for the reference reward, then per epoch
 * propose → idea gate → implement (attempt loop) → pre-flight → patch gate → dispatch → score. Everything it does is
 * persisted as it happens and derived from the database when it starts, so running it again after a crash (or after a
 * person approved what a manual gate held) continues where it stopped: nothing is proposed, implemented or run twice.
 */
public final class SearchLoop {

    /** A run lost or interrupted this many times is not tried again. */
    private static final int MAX_INTERRUPTED_RUNS = 2;
    /** A crash within this time of the start is a bug to repair, not a result. */
    private static final Duration REPAIR_WINDOW = Duration.ofMinutes(5);

    private final StudyFolder study;
    private final LoopEvents events;
    private final ProposeStep propose;
    private final ImplementStep implement;
    private final BudgetGuard budget;
    private final StudyScheduler scheduler;
    private volatile boolean stopRequested;
    private volatile boolean pauseRequested;

    /** @param scheduler the study's one owner of run slots, shared with whoever else runs the study's runs */
    public SearchLoop(StudyFolder study, StudyCode code, Ideator ideator, Implementer implementer, Preflight preflight,
                      StudyScheduler scheduler, LoopEvents events, Clock clock) {
        this.study = study;
        this.events = events;
        this.propose = new ProposeStep(study, ideator, events);
        this.implement = new ImplementStep(study, code, implementer, preflight, events, clock);
        this.budget = new BudgetGuard(study.spec().budget(), study.store().ledger());
        this.scheduler = scheduler;
    }

    /** Asks the loop to stop: active runs are killed and recorded as interrupted; {@link #run} then returns STOPPED. */
    public void requestStop() {
        stopRequested = true;
        scheduler.stopRuns();
    }

    /**
     * Asks the loop to pause: runs already running finish and are scored, nothing new is proposed, implemented or
     * started; {@link #run} then returns PAUSED, and running it again continues from there.
     */
    public void requestPause() {
        pauseRequested = true;
    }

    /**
     * Cancels a queued or running run for a person: recorded {@code cancelled} with failure class {@code cancelled}, so
     * it is neither rerun as interrupted nor repaired. Returns false when the run is neither queued nor running here.
     */
    public boolean cancelRun(long runId) {
        return scheduler.cancel(runId);
    }

    public LoopOutcome run(LoopOptions options) throws IOException, InterruptedException {
        Gates gates = Gates.of(study.spec().gates(), options.autoApprove());
        Optional<LoopOutcome> baseline = ensureBaseline(options);
        if (baseline.isPresent()) {
            return baseline.get();
        }
        for (int epoch = currentEpoch(); epoch < options.epochs(); epoch++) {
            study.store().meta().put(MetaRepository.EPOCH, String.valueOf(epoch));
            Optional<LoopOutcome> stop = runEpoch(epoch, options, gates);
            if (stop.isPresent()) {
                return stop.get();
            }
            study.store().meta().put(MetaRepository.EPOCH, String.valueOf(epoch + 1));
        }
        return finishLeftovers(options, gates);
    }

    /**
     * Past the last epoch (or in an epoch the loop has left), approved work still runs: ideas a person seeded or
     * approved late are implemented, approved patches run — nothing new is proposed. Approved work is never stranded.
     */
    private LoopOutcome finishLeftovers(LoopOptions options, Gates gates) throws IOException, InterruptedException {
        int ran = 0;
        for (int epoch : epochsWithApprovedWork()) {
            int before = study.store().runs().inEpoch(epoch).size();
            Optional<LoopOutcome> stop = finishEpoch(epoch, options, gates);
            ran += study.store().runs().inEpoch(epoch).size() - before;
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        for (int epoch : epochsWithIdeas()) {
            Optional<LoopOutcome> waiting = waitingFor(epoch);
            if (waiting.isPresent()) {
                return waiting.get();
            }
        }
        String done = options.epochs() == 1 ? "The 1 epoch is complete." : "All " + options.epochs() + " epochs are complete.";
        String late = ran == 0 ? "" : " " + ran + " run" + (ran == 1 ? "" : "s") + " of work approved after its epoch "
                + (ran == 1 ? "was" : "were") + " done too.";
        return new LoopOutcome(LoopOutcome.Kind.COMPLETED, done + late + " Raise search.epochs to search further.");
    }

    /** Epochs holding an approved idea not yet implemented, a patch of an implementing idea, or an approved patch not run. */
    private List<Integer> epochsWithApprovedWork() {
        java.util.SortedSet<Integer> epochs = new java.util.TreeSet<>();
        for (Idea idea : study.store().ideas().all()) {
            if (idea.status() == IdeaStatus.APPROVED || idea.status() == IdeaStatus.IMPLEMENTING) {
                epochs.add(idea.epoch());
            }
        }
        for (Patch patch : study.store().patches().withStatus(PatchStatus.APPROVED)) {
            List<Run> runs = study.store().runs().forPatch(patch.id());
            if (runs.stream().allMatch(SearchLoop::isInterrupted) && interruptedCount(runs) < MAX_INTERRUPTED_RUNS) {
                epochs.add(study.store().ideas().get(patch.ideaId()).epoch());
            }
        }
        study.store().runs().withStatus(RunStatus.QUEUED).stream().filter(run -> !run.isBaseline())
                .forEach(run -> epochs.add(run.epoch()));
        return List.copyOf(epochs);
    }

    private List<Integer> epochsWithIdeas() {
        return study.store().ideas().all().stream().map(Idea::epoch).distinct().sorted().toList();
    }

    private Optional<LoopOutcome> runEpoch(int epoch, LoopOptions options, Gates gates)
            throws IOException, InterruptedException {
        Optional<LoopOutcome> halt = halt();
        if (halt.isPresent()) {
            return halt;
        }
        report(epoch, options, "propose");
        try {
            propose.run(epoch, options, gates);
        } catch (AgentException e) {
            return Optional.of(new LoopOutcome(LoopOutcome.Kind.BLOCKED, "The ideator failed: " + e.getMessage()
                    + " Nothing was lost; run again once that is fixed."));
        }
        return finishEpoch(epoch, options, gates);
    }

    /** Everything of an epoch after proposing: implement, the patch gate, run, score, one repair round. */
    private Optional<LoopOutcome> finishEpoch(int epoch, LoopOptions options, Gates gates)
            throws IOException, InterruptedException {
        Optional<LoopOutcome> halt = halt();
        if (halt.isPresent()) {
            return halt;
        }
        report(epoch, options, "implement");
        try {
            implement.run(epoch, gates, this::interrupted);
        } catch (AgentUnavailableException e) {
            return Optional.of(new LoopOutcome(LoopOutcome.Kind.BLOCKED, "The implementer cannot work: " + e.getMessage()
                    + " Nothing was lost; run again once that is fixed."));
        }
        halt = halt();
        if (halt.isPresent()) {
            return halt;
        }
        for (int round = 0; round < 2; round++) {
            List<Run> runs = queueRuns(epoch);
            if (!runs.isEmpty() && !gates.launchAuto()) {
                return Optional.of(new LoopOutcome(LoopOutcome.Kind.WAITING_FOR_REVIEW, runs.size() + " run"
                        + (runs.size() == 1 ? " is" : "s are") + " queued behind the manual launch gate (gates.launch).",
                        new LoopOutcome.Waiting(0, 0, runs.size())));
            }
            report(epoch, options, "run");
            scheduler.runAll(runs, () -> report(epoch, options, "run"), () -> pauseRequested || stopRequested);
            halt = halt();
            if (halt.isPresent() && halt.get().kind() != LoopOutcome.Kind.BUDGET_SPENT) {
                return halt;
            }
            // Beyond the method: patches whose run crashed early get one repair, run in a second round.
            try {
                if (repairEarlyCrashes(epoch, gates) == 0) {
                    break;
                }
            } catch (AgentUnavailableException e) {
                return Optional.of(new LoopOutcome(LoopOutcome.Kind.BLOCKED, "The implementer cannot work: "
                        + e.getMessage() + " Nothing was lost; run again once that is fixed."));
            }
        }
        report(epoch, options, "done");
        return waitingFor(epoch);
    }

    /**
     * Asks for one repair of every patch of the epoch whose run crashed (failure class code) within its first
     * {@link #REPAIR_WINDOW}, at most once per idea; returns how many it asked for.
     */
    private int repairEarlyCrashes(int epoch, Gates gates) throws IOException, AgentUnavailableException {
        int repaired = 0;
        for (Run run : study.store().runs().inEpoch(epoch)) {
            if (run.status() != RunStatus.FAILED
                    || run.failureClass() != FailureClass.CODE || run.startedAt() == null || run.endedAt() == null
                    || Duration.between(run.startedAt(), run.endedAt()).compareTo(REPAIR_WINDOW) > 0) {
                continue;
            }
            Idea idea = study.store().ideas().get(run.ideaId());
            List<Patch> patches = study.store().patches().forIdea(idea.id());
            long crashes = study.store().runs().forIdea(idea.id()).stream()
                    .filter(other -> other.failureClass() == FailureClass.CODE).count();
            if (idea.status() != IdeaStatus.IMPLEMENTED || patches.getLast().id() != run.patchId() || crashes > 1) {
                continue;
            }
            implement.repair(idea, patches.getLast(), logTail(run));
            repaired++;
        }
        if (repaired > 0) {
            implement.run(epoch, gates, this::interrupted); // the patch gate for the repairs
        }
        return repaired;
    }

    private String logTail(Run run) {
        List<String> lines = logLines(run);
        return lines.isEmpty() ? "(the run's log is empty or could not be read)" : String.join("\n", lines);
    }

    /** The last lines of a run's log; none when it has no log (yet). */
    private List<String> logLines(Run run) {
        try {
            List<String> lines = run.logPath() == null ? List.of() : Files.readAllLines(study.dir().resolve(run.logPath()));
            return lines.subList(Math.max(0, lines.size() - 60), lines.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** Why the epoch cannot complete without a person, or empty when every idea in it has reached its end. */
    private Optional<LoopOutcome> waitingFor(int epoch) {
        List<Idea> ideas = study.store().ideas().inEpoch(epoch);
        long proposed = ideas.stream().filter(idea -> idea.status() == IdeaStatus.PROPOSED).count();
        long patches = study.store().patches().withStatus(PatchStatus.PREFLIGHT_OK).stream()
                .filter(patch -> ideas.stream().anyMatch(idea -> idea.id() == patch.ideaId())).count();
        if (proposed == 0 && patches == 0) {
            return Optional.empty();
        }
        List<String> waiting = new ArrayList<>();
        if (proposed > 0) {
            waiting.add(proposed + " idea" + (proposed == 1 ? "" : "s"));
        }
        if (patches > 0) {
            waiting.add(patches + " patch" + (patches == 1 ? "" : "es"));
        }
        return Optional.of(new LoopOutcome(LoopOutcome.Kind.WAITING_FOR_REVIEW, "Epoch " + epoch + " waits for review: "
                + String.join(" and ", waiting) + ". Approve or reject them, then run again.",
                new LoopOutcome.Waiting((int) proposed, (int) patches, 0)));
    }

    /** Runs the baseline once for the reference reward; the search has no yardstick without it. */
    private Optional<LoopOutcome> ensureBaseline(LoopOptions options) throws InterruptedException {
        List<Run> runs = study.store().runs().baselineRuns();
        if (runs.stream().anyMatch(run -> run.status() == RunStatus.SUCCEEDED)) {
            return Optional.empty();
        }
        List<Run> toRun = runs.stream().filter(run -> run.status() == RunStatus.QUEUED).toList();
        if (toRun.isEmpty()) {
            // Each call tries once more: the researcher may have fixed baseline/ since the last failure.
            toRun = List.of(study.store().runs().queue(new NewRun(null, null, 0, repro())));
        }
        events.note("Running the baseline for the reference reward…");
        report(currentEpoch(), options, "baseline");
        scheduler.runAll(toRun, () -> { }, () -> stopRequested);
        if (stopRequested) {
            return Optional.of(stopped());
        }
        Run baseline = study.store().runs().get(toRun.getLast().id());
        return baseline.status() == RunStatus.SUCCEEDED ? Optional.empty() : Optional.of(baselineFailed(baseline));
    }

    private LoopOutcome baselineFailed(Run run) {
        if (run.failureClass() == FailureClass.CANCELLED) {
            return new LoopOutcome(LoopOutcome.Kind.BLOCKED, "The baseline run " + run.id() + " was cancelled; the"
                    + " search needs its reward, so run the loop again to run the baseline once more.");
        }
        String failed = "The baseline run " + run.id() + " " + run.status().wireName()
                + (run.failureClass() == null ? "" : " (" + run.failureClass().wireName() + ")");
        Optional<String> module = MissingModule.in(logLines(run));
        if (module.isPresent()) {
            return new LoopOutcome(LoopOutcome.Kind.BLOCKED, failed + ": " + MissingModule.sentence(
                    study.spec().run().command(), module.get()) + "; then run again. Its log: " + run.logPath());
        }
        return new LoopOutcome(LoopOutcome.Kind.BLOCKED, failed + "; fix baseline/ so that `"
                + String.join(" ", study.spec().run().command()) + "` runs and reports "
                + study.spec().reward().metric() + ", then run again. Its log: " + run.logPath());
    }

    /** Queues a run for every approved patch of the epoch that has none yet, and returns the epoch's queued runs. */
    private List<Run> queueRuns(int epoch) {
        for (Patch patch : study.store().patches().withStatus(PatchStatus.APPROVED)) {
            Idea idea = study.store().ideas().get(patch.ideaId());
            if (idea.epoch() != epoch) {
                continue;
            }
            List<Run> runs = study.store().runs().forPatch(patch.id());
            boolean hasRun = runs.stream().anyMatch(run -> !isInterrupted(run));
            if (!hasRun && interruptedCount(runs) < MAX_INTERRUPTED_RUNS) {
                study.store().runs().queue(new NewRun(patch.id(), idea.id(), epoch, repro()));
            }
        }
        return study.store().runs().withStatus(RunStatus.QUEUED).stream().filter(run -> run.epoch() == epoch).toList();
    }

    private boolean interrupted() {
        return stopRequested || pauseRequested;
    }

    private Optional<LoopOutcome> halt() {
        if (stopRequested) {
            return Optional.of(stopped());
        }
        if (pauseRequested) {
            return Optional.of(new LoopOutcome(LoopOutcome.Kind.PAUSED,
                    "Paused; the runs that were running finished and everything is saved. Run again to continue."));
        }
        return budget.spent().map(message -> new LoopOutcome(LoopOutcome.Kind.BUDGET_SPENT, message));
    }

    private LoopOutcome stopped() {
        return new LoopOutcome(LoopOutcome.Kind.STOPPED, "Stopped; everything so far is saved. Run again to continue.");
    }

    private int currentEpoch() {
        return study.store().meta().get(MetaRepository.EPOCH).map(Integer::parseInt).orElse(0);
    }

    private Reproducibility repro() {
        var run = study.spec().run();
        return new Reproducibility(run.command(), List.copyOf(run.env().keySet()),
                run.seed().isPresent() ? run.seed().getAsLong() : null, null, null);
    }

    private void report(int epoch, LoopOptions options, String stage) {
        List<Idea> ideas = study.store().ideas().inEpoch(epoch);
        int implemented = (int) ideas.stream().filter(idea -> idea.status() == IdeaStatus.IMPLEMENTED).count();
        List<Run> runs = study.store().runs().inEpoch(epoch);
        int finished = (int) runs.stream().filter(run -> run.status().isFinal()).count();
        boolean higherIsBetter = study.spec().reward().goal() == RewardSpec.Goal.MAXIMIZE;
        Double best = study.store().runs().bestRewardsByIdea(higherIsBetter).values().stream()
                .reduce(higherIsBetter ? Math::max : Math::min).orElse(null);
        int generated = (int) ideas.stream().filter(idea -> idea.origin() != IdeaOrigin.HUMAN).count();
        events.progress(new EpochProgress(epoch, options.epochs(), stage, generated, options.ideasPerEpoch(), implemented,
                finished, runs.size(), best, study.store().runs().baselineReward().orElse(null)));
    }

    private static boolean isInterrupted(Run run) {
        return run.status() == RunStatus.LOST
                || (run.status() == RunStatus.CANCELLED && run.failureClass() == FailureClass.INFRA);
    }

    private static int interruptedCount(List<Run> runs) {
        return (int) runs.stream().filter(SearchLoop::isInterrupted).count();
    }
}
