package dev.groundwork.model.analytics;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.history.PatchFact;
import dev.groundwork.model.history.RunFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the Analytics and Lineage pages derive their views from, read in one go: the ideas with their parents,
 * every run's outcome and cost, every patch's place in the code lineage, and the LLM spend by idea and by epoch. The
 * derived views ({@link RewardPlot}, {@link Leaderboard}, {@link EpochHealth}, {@link LineageGraph}) are plain
 * computations over it, testable without a database.
 */
public final class StudyFacts {

    private final List<Idea> ideas;
    private final List<RunFact> runs;
    private final List<PatchFact> patches;
    private final Map<Long, Double> llmUsdByIdea;
    private final Map<Long, Double> llmUsdByEpoch;
    private final Direction direction;
    private final Map<Long, Idea> ideasById = new HashMap<>();
    private final Map<Long, PatchFact> patchesById = new HashMap<>();
    private final Map<Long, List<PatchFact>> patchesByIdea = new HashMap<>();
    private final Map<Long, List<RunFact>> runsByIdea = new HashMap<>();
    private final Map<Long, RunFact> countingRunByIdea = new HashMap<>();
    private final RunFact baselineRun;
    private final List<RunFact> formerBaselineRuns = new ArrayList<>();

    public StudyFacts(List<Idea> ideas, List<RunFact> runs, List<PatchFact> patches, Map<Long, Double> llmUsdByIdea,
                      Map<Long, Double> llmUsdByEpoch, Direction direction) {
        this(ideas, runs, patches, llmUsdByIdea, llmUsdByEpoch, direction, 0);
    }

    /**
     * @param baselineAfter the last run before the current baseline's code was promoted (0 when none was): baseline
     *                      runs up to it scored code that is no longer the baseline, so they are history, not the
     *                      reference the study's status and every chart compare with
     */
    public StudyFacts(List<Idea> ideas, List<RunFact> runs, List<PatchFact> patches, Map<Long, Double> llmUsdByIdea,
                      Map<Long, Double> llmUsdByEpoch, Direction direction, long baselineAfter) {
        this.ideas = List.copyOf(ideas);
        this.runs = List.copyOf(runs);
        this.patches = List.copyOf(patches);
        this.llmUsdByIdea = Map.copyOf(llmUsdByIdea);
        this.llmUsdByEpoch = Map.copyOf(llmUsdByEpoch);
        this.direction = direction;
        ideas.forEach(idea -> ideasById.put(idea.id(), idea));
        for (PatchFact patch : patches) {
            patchesById.put(patch.id(), patch);
            patchesByIdea.computeIfAbsent(patch.ideaId(), id -> new ArrayList<>()).add(patch);
        }
        RunFact baseline = null;
        for (RunFact run : runs) {
            if (run.ideaId() == null) {
                if (run.patchId() == null && run.counts() && run.reward() != null) {
                    if (run.id() <= baselineAfter) {
                        formerBaselineRuns.add(run);
                    } else if (baseline == null) {
                        baseline = run;
                    }
                }
                continue;
            }
            runsByIdea.computeIfAbsent(run.ideaId(), id -> new ArrayList<>()).add(run);
            // An idea's reward is its best counting run's (one per patch it ran; repeats never count).
            if (run.counts() && run.reward() != null) {
                RunFact best = countingRunByIdea.get(run.ideaId());
                if (best == null || direction.better(run.reward(), best.reward())) {
                    countingRunByIdea.put(run.ideaId(), run);
                }
            }
        }
        this.baselineRun = baseline;
    }

    public List<Idea> ideas() {
        return ideas;
    }

    public List<RunFact> runs() {
        return runs;
    }

    public List<PatchFact> patches() {
        return patches;
    }

    public Direction direction() {
        return direction;
    }

    public Optional<Idea> idea(long id) {
        return Optional.ofNullable(ideasById.get(id));
    }

    public Optional<PatchFact> patch(long id) {
        return Optional.ofNullable(patchesById.get(id));
    }

    /** The runs of an idea, oldest first. */
    public List<RunFact> runsOf(long ideaId) {
        return runsByIdea.getOrDefault(ideaId, List.of());
    }

    /** The run whose reward is the idea's, if it has one. */
    public Optional<RunFact> countingRun(long ideaId) {
        return Optional.ofNullable(countingRunByIdea.get(ideaId));
    }

    public Optional<Double> reward(long ideaId) {
        return countingRun(ideaId).map(RunFact::reward);
    }

    /** The baseline's counting run, once the baseline has been scored. */
    public Optional<RunFact> baselineRun() {
        return Optional.ofNullable(baselineRun);
    }

    /**
     * The first scored run of the study's original code: the root of the lineage that the first ideas were bred from,
     * whatever has been promoted since.
     */
    public Optional<RunFact> originalBaselineRun() {
        return formerBaselineRuns.isEmpty() ? baselineRun() : Optional.of(formerBaselineRuns.getFirst());
    }

    /** The scored runs of baselines since promoted over, oldest first: the search's history, not its reference. */
    public List<RunFact> formerBaselineRuns() {
        return List.copyOf(formerBaselineRuns);
    }

    public Optional<Double> baselineReward() {
        return baselineRun().map(RunFact::reward);
    }

    public double llmUsd(long ideaId) {
        return llmUsdByIdea.getOrDefault(ideaId, 0.0);
    }

    public double llmUsdInEpoch(long epoch) {
        return llmUsdByEpoch.getOrDefault(epoch, 0.0);
    }

    /** The GPU hours an idea's runs were charged, repeats included. */
    public double gpuHours(long ideaId) {
        return runsOf(ideaId).stream().mapToDouble(RunFact::gpuSeconds).sum() / 3600.0;
    }

    /**
     * The patch an idea's code is: the one its counting run ran, else its last approved patch, else its last patch that
     * applied; empty when none applied.
     */
    public Optional<PatchFact> codePatch(long ideaId) {
        Optional<PatchFact> counted = countingRun(ideaId).map(RunFact::patchId).flatMap(this::patch);
        if (counted.isPresent()) {
            return counted;
        }
        PatchFact approved = null;
        PatchFact applied = null;
        for (PatchFact patch : patchesOf(ideaId)) {
            if (patch.commit() == null) {
                continue;
            }
            applied = patch;
            if (PatchStatus.APPROVED.wireName().equals(patch.status())) {
                approved = patch;
            }
        }
        return Optional.ofNullable(approved != null ? approved : applied);
    }

    /** An idea's patches, attempt 1 first. */
    public List<PatchFact> patchesOf(long ideaId) {
        return patchesByIdea.getOrDefault(ideaId, List.of());
    }

    /** Whether a run ended without success (failed, timed out, lost, cancelled). */
    static boolean failed(RunFact run) {
        RunStatus status = RunStatus.fromWire(run.status());
        return status.isFinal() && status != RunStatus.SUCCEEDED;
    }
}
