package dev.groundwork.model.inbox;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.search.Exemplars;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.IdeaGeneration;
import dev.groundwork.model.spec.GatesSpec;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
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

    /** An inbox that cannot generate ideas (no ideator is given). */
    public IdeaInbox(StudyFolder study, HumanPatches patches) {
        this(study, patches, null);
    }

    /** @param ideator the study's ideator for generating and breeding; null when the inbox offers neither */
    public IdeaInbox(StudyFolder study, HumanPatches patches, IdeatorSource ideator) {
        this.study = study;
        this.patches = patches;
        this.ideator = ideator;
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

    public Idea reject(long ideaId) {
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
        }
        int epoch = IdeaGeneration.currentEpoch(study);
        Idea idea = study.store().ideas().propose(new NewIdea(epoch, IdeaOrigin.HUMAN, title.strip(), text, parents, null));
        idea = study.store().ideas().moveTo(idea.id(), IdeaStatus.APPROVED);
        String seeded = "Seeded idea " + idea.id() + " \"" + idea.title() + "\" in epoch " + epoch + ".";
        return diff.isPresent() ? seeded + " " + patches.submit(idea, diff.get())
                : seeded + " The implementer writes its patch on the loop's next pass.";
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
