package dev.groundwork.model.inbox;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.Implementer;
import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.patch.ReviewDecision;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.search.Exemplars;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.IdeaGeneration;
import dev.groundwork.model.spec.GatesSpec;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ideas of a study as the Ideas page sees them: one row per idea with its best reward, the prompt that produced it,
 * the idea gate (approve, reject), the researcher's notes and score, and seeding an idea of one's own (with a diff,
 * which must apply before anything is stored), and asking the study's ideator for more: generate N, or breed from chosen
 * parents. Reads the database: call it off the UI thread.
 */
public final class IdeaInbox {

    /** An idea with what its runs earned so far. */
    public record Row(Idea idea, Double bestReward, int runs, String patchStatus) {}

    /** A seeded diff that does not apply: the patch engine's explanation; nothing was stored. */
    public static final class SeedRefused extends Exception {
        public SeedRefused(String explanation) {
            super(explanation);
        }
    }

    /**
     * What the generate dialog shows before anything is asked.
     *
     * @param beatBaseline how many ideas beat the baseline (what exploit combines and refines; none: nothing to exploit)
     * @param autoGate     the study's idea gate is auto: generated ideas are approved as they are stored
     */
    public record Ideation(String ideator, int epoch, int epochs, int beatBaseline, boolean autoGate) {

        /** Whether the loop, as the spec stands, never reaches the epoch new ideas go to. */
        public boolean pastTheLastEpoch() {
            return epoch >= epochs;
        }
    }

    private final StudyFolder study;
    private final HumanPatches patches;
    private final IdeatorSource ideator;
    private final Implementer implementer;

    /** An inbox that cannot generate ideas (no ideator is given). */
    public IdeaInbox(StudyFolder study, HumanPatches patches) {
        this(study, patches, null, null);
    }

    public IdeaInbox(StudyFolder study, HumanPatches patches, IdeatorSource ideator) {
        this(study, patches, ideator, null);
    }

    /**
     * @param ideator     the study's ideator for generating and breeding; null when the inbox offers neither
     * @param implementer the study's implementer, asked whether it could ever write a seeded idea's patch; null when
     *                    seeding need not ask (a person's diff comes with every seed)
     */
    public IdeaInbox(StudyFolder study, HumanPatches patches, IdeatorSource ideator, Implementer implementer) {
        this.study = study;
        this.patches = patches;
        this.ideator = ideator;
        this.implementer = implementer;
    }

    /** Every idea, newest first. */
    public List<Row> rows() {
        Map<Long, Double> best = study.store().runs().bestRewardsByIdea(higherIsBetter());
        Map<Long, Long> runs = study.store().runs().all().stream().filter(run -> run.ideaId() != null)
                .collect(Collectors.groupingBy(Run::ideaId, Collectors.counting()));
        Map<Long, Patch> latestPatch = study.store().patches().all().stream()
                .collect(Collectors.toMap(Patch::ideaId, patch -> patch, (older, newer) -> newer));
        List<Row> rows = new ArrayList<>();
        for (Idea idea : study.store().ideas().all().reversed()) {
            Patch patch = latestPatch.get(idea.id());
            rows.add(new Row(idea, best.get(idea.id()), runs.getOrDefault(idea.id(), 0L).intValue(),
                    patch == null ? "" : patch.status().wireName()));
        }
        return rows;
    }

    /** Whether a higher reward is better (the spec's reward goal): the Ideas table sorts rewards best first by it. */
    public boolean higherIsBetter() {
        return study.spec().reward().goal() == RewardSpec.Goal.MAXIMIZE;
    }

    /** The LLM call whose answer held the idea, if an LLM proposed it. */
    public Optional<LlmCall> prompt(long ideaId) {
        Long callId = study.store().ideas().get(ideaId).promptCallId();
        return callId == null ? Optional.empty() : study.store().llmCalls().find(callId);
    }

    public Idea approve(long ideaId) {
        return study.store().ideas().moveTo(ideaId, IdeaStatus.APPROVED);
    }

    /** Rejects a proposed idea, or withdraws one that has not run; see {@link #withdraw}. */
    public Idea reject(long ideaId) {
        return withdraw(ideaId, System.getProperty("user.name", "human"), "");
    }

    /**
     * Rejects an idea at the idea gate, or withdraws one a person approved (or seeded) that has not run yet: its patches
     * that wait or are approved are rejected with it, so nothing runs it. An idea that ran, or is being implemented
     * right now, is refused with a sentence that says why.
     */
    public Idea withdraw(long ideaId, String who, String reason) {
        Idea idea = study.store().ideas().find(ideaId).orElseThrow(() ->
                new Refusal(Refusal.Kind.NOT_ALLOWED, "There is no idea " + ideaId + " in this study."));
        List<Run> runs = study.store().runs().forIdea(ideaId);
        String refusal = switch (idea.status()) {
            case REJECTED -> "Idea " + ideaId + " is already rejected.";
            case UNIMPLEMENTABLE -> "Idea " + ideaId + " is unimplementable: no patch of it can run, so there is nothing"
                    + " to withdraw.";
            case IMPLEMENTING -> "Idea " + ideaId + " is being implemented right now; withdraw it once its patch is"
                    + " written.";
            case PROPOSED -> null; // the idea gate: rejecting is always the researcher's to do
            default -> runs.isEmpty() ? null : "Idea " + ideaId + " has " + (runs.stream().allMatch(
                    run -> run.status() == RunStatus.QUEUED) ? "a run queued" : "run") + " (run "
                    + runs.stream().map(run -> String.valueOf(run.id())).collect(Collectors.joining(", ")) + "); cancel a"
                    + " queued run first — the results of a run stay in the study's record.";
        };
        if (refusal != null) {
            throw new Refusal(idea.status() == IdeaStatus.IMPLEMENTING ? Refusal.Kind.NOT_NOW : Refusal.Kind.NOT_ALLOWED,
                    refusal);
        }
        String why = reason == null || reason.isBlank() ? "withdrawn" : "withdrawn: " + reason.strip();
        for (Patch patch : study.store().patches().forIdea(ideaId)) {
            if (patch.status().canMoveTo(PatchStatus.REJECTED) && patch.status() != PatchStatus.APPLY_FAILED
                    && patch.status() != PatchStatus.PREFLIGHT_FAILED) {
                study.store().patches().decide(patch.id(), PatchStatus.REJECTED, new ReviewDecision(who, Instant.now(), why));
            }
        }
        return study.store().ideas().moveTo(ideaId, IdeaStatus.REJECTED);
    }

    public Idea annotate(long ideaId, String notes, Integer score) {
        return study.store().ideas().annotate(ideaId, notes, score);
    }

    /**
     * Seeds a researcher's idea into the current epoch, approved (the researcher is its idea gate), with their own diff
     * when given: the diff must apply, else nothing is stored and {@link SeedRefused} says why.
     *
     * @return a sentence on where the idea and its patch stand
     */
    public String seed(String title, String text, List<Long> parents, Optional<String> diff)
            throws IOException, SeedRefused {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("An idea needs a title.");
        }
        if (diff.isPresent()) {
            Optional<String> problem = patches.check(diff.get());
            if (problem.isPresent()) {
                throw new SeedRefused(problem.get());
            }
        } else if (implementer != null) {
            Optional<String> cannot = implementer.cannotImplement(title.strip(), !parents.isEmpty());
            if (cannot.isPresent()) {
                throw new SeedRefused(cannot.get());
            }
        }
        int epoch = IdeaGeneration.currentEpoch(study);
        Idea idea = study.store().ideas().propose(new NewIdea(epoch, IdeaOrigin.HUMAN, title.strip(), text, parents, null));
        idea = study.store().ideas().moveTo(idea.id(), IdeaStatus.APPROVED);
        String seeded = "Seeded idea " + idea.id() + " \"" + idea.title() + "\" in epoch " + epoch + ".";
        return diff.isPresent() ? seeded + " " + patches.submit(idea, diff.get())
                : seeded + " The implementer writes its patch on the loop's next run.";
    }

    /** What to suggest as a researcher types a seed's title (see {@link IdeatorSource#seedSuggestions()}). */
    public List<IdeatorSource.Suggestion> seedSuggestions() {
        return ideator == null ? List.of() : ideator.seedSuggestions();
    }

    /** Whether this inbox can ask the study's ideator for ideas (generate, breed). */
    public boolean canGenerate() {
        return ideator != null;
    }

    /** The ideator's name, the epoch new ideas go to, what exploit has to work with, and the idea gate. */
    public Ideation ideation() {
        return new Ideation(requireIdeator().name(), IdeaGeneration.currentEpoch(study), study.spec().search().epochs(),
                Exemplars.beatingBaseline(study).size(), study.spec().gates().idea() == GatesSpec.Gate.AUTO);
    }

    /**
     * Asks the study's ideator for up to {@code count} ideas, explore or exploit, into the current epoch, stored and
     * gated as the loop's propose step does; a cancel (through {@code progress}) keeps what was stored.
     */
    public IdeaGeneration.Outcome generate(int count, IdeationRequest.Mode mode, IdeaGeneration.Progress progress)
            throws AgentException {
        return new IdeaGeneration(study, requireIdeator().open()).generate(count, mode, progress);
    }

    /** Asks the study's ideator to exploit exactly {@code parents}: up to {@code count} ideas bred from them. */
    public IdeaGeneration.Outcome breed(List<Long> parents, int count, IdeaGeneration.Progress progress)
            throws AgentException {
        return new IdeaGeneration(study, requireIdeator().open()).breed(parents, count, progress);
    }

    private IdeatorSource requireIdeator() {
        if (ideator == null) {
            throw new IllegalStateException("This window offers no ideator for the study; run the loop to get ideas.");
        }
        return ideator;
    }
}
