package dev.groundwork.model.search;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest.Mode;
import dev.groundwork.model.agent.IdeationRequest.ScoredIdea;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.spec.SearchSpec;
import dev.groundwork.model.study.StudyFolder;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills an epoch with ideas: the exploit share from the spec's schedule (combine and refine ideas that beat the
 * baseline), the rest explore (new directions). Ideas the study has seen are dropped before anyone spends on them.
 * Idempotent: an epoch that already has its ideas asks for none, so a resumed loop never proposes twice. Asking and
 * storing is {@link IdeaGeneration}'s, which the Ideas page shares.
 */
final class ProposeStep {

    private final StudyFolder study;
    private final Ideator ideator;
    private final IdeaGeneration generation;
    private final LoopEvents events;

    ProposeStep(StudyFolder study, Ideator ideator, LoopEvents events) {
        this.study = study;
        this.ideator = ideator;
        this.generation = new IdeaGeneration(study, ideator);
        this.events = events;
    }

    /** Returns how many ideas the epoch has from the ideator after this call. */
    int run(int epoch, LoopOptions options, Gates gates) throws AgentException {
        List<Idea> epochIdeas = study.store().ideas().inEpoch(epoch).stream()
                .filter(idea -> idea.origin() != IdeaOrigin.HUMAN).toList();
        int missing = options.ideasPerEpoch() - epochIdeas.size();
        if (missing > 0) {
            boolean bestOfN = options.mode() == SearchSpec.Mode.BEST_OF_N;
            List<ScoredIdea> exemplars = bestOfN ? List.of() : Exemplars.beatingBaseline(study);
            int exploitWanted = bestOfN || exemplars.isEmpty() ? 0
                    : (int) Math.round(study.spec().search().exploit().exploitShare(epoch) * options.ideasPerEpoch());
            long exploitHave = epochIdeas.stream().filter(idea -> idea.origin() == IdeaOrigin.LLM_EXPLOIT
                    || !idea.parents().isEmpty()).count();
            int exploit = (int) Math.max(0, Math.min(missing, exploitWanted - exploitHave));
            List<ProposedIdea> proposed = new ArrayList<>();
            int duplicates = 0;
            if (exploit > 0) {
                IdeaGeneration.Asked asked = generation.askFilled(epoch, exploit, Mode.EXPLOIT, exemplars, proposed);
                proposed.addAll(asked.fresh());
                duplicates += asked.duplicates();
            }
            int explore = missing - proposed.size();
            if (explore > 0) {
                IdeaGeneration.Asked asked = generation.askFilled(epoch, explore, Mode.EXPLORE, List.of(), proposed);
                proposed.addAll(asked.fresh());
                duplicates += asked.duplicates();
            }
            if (duplicates > 0) {
                events.note(duplicates + " idea" + (duplicates == 1 ? " was" : "s were") + " dropped for epoch " + epoch
                        + " as near-duplicates of ideas the study already has"
                        + (proposed.size() < missing ? "." : "; the ideator was asked again for the shortfall."));
            }
            for (ProposedIdea idea : proposed) {
                IdeaOrigin origin = bestOfN ? IdeaOrigin.BEST_OF_N : idea.origin();
                generation.store(epoch, origin, idea, idea.parents());
            }
            if (proposed.size() < missing) {
                events.note(ideator.displayName() + " had only " + proposed.size() + " new idea"
                        + (proposed.size() == 1 ? "" : "s") + " for epoch " + epoch + " (asked for " + missing + ").");
            }
        }
        if (gates.ideaAuto()) {
            for (Idea idea : study.store().ideas().inEpoch(epoch)) {
                if (idea.status() == IdeaStatus.PROPOSED) {
                    study.store().ideas().moveTo(idea.id(), IdeaStatus.APPROVED);
                }
            }
        }
        return (int) study.store().ideas().inEpoch(epoch).stream().filter(idea -> idea.origin() != IdeaOrigin.HUMAN).count();
    }
}
