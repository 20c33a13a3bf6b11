package dev.groundwork.model.search;

import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.IdeationRequest;
import dev.groundwork.model.agent.IdeationRequest.Mode;
import dev.groundwork.model.agent.Ideator;
import dev.groundwork.model.agent.ProposedIdea;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.spec.SearchSpec;
import dev.groundwork.model.study.StudyFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills an epoch with ideas: the exploit share from the spec's schedule (combine and refine ideas that beat the
 * baseline), the rest explore (new directions). Ideas the study has seen are dropped before anyone spends on them.
 * Idempotent: an epoch that already has its ideas asks for none, so a resumed loop never proposes twice.
 */
final class ProposeStep {

    private final StudyFolder study;
    private final Ideator ideator;
    private final LoopEvents events;

    ProposeStep(StudyFolder study, Ideator ideator, LoopEvents events) {
        this.study = study;
        this.ideator = ideator;
        this.events = events;
    }

    /** Returns how many ideas the epoch has from the ideator after this call. */
    int run(int epoch, LoopOptions options, Gates gates) throws AgentException {
        List<Idea> epochIdeas = study.store().ideas().inEpoch(epoch).stream()
                .filter(idea -> idea.origin() != IdeaOrigin.HUMAN).toList();
        int missing = options.ideasPerEpoch() - epochIdeas.size();
        if (missing > 0) {
            boolean bestOfN = options.mode() == SearchSpec.Mode.BEST_OF_N;
            List<ScoredExemplar> exemplars = bestOfN ? List.of() : exemplars();
            int exploitWanted = bestOfN || exemplars.isEmpty() ? 0
                    : (int) Math.round(study.spec().search().exploit().exploitShare(epoch) * options.ideasPerEpoch());
            long exploitHave = epochIdeas.stream().filter(idea -> idea.origin() == IdeaOrigin.LLM_EXPLOIT
                    || !idea.parents().isEmpty()).count();
            int exploit = (int) Math.max(0, Math.min(missing, exploitWanted - exploitHave));
            List<ProposedIdea> proposed = new ArrayList<>();
            if (exploit > 0) {
                proposed.addAll(ask(epoch, exploit, Mode.EXPLOIT, exemplars, proposed));
            }
            int explore = missing - proposed.size();
            if (explore > 0) {
                proposed.addAll(ask(epoch, explore, Mode.EXPLORE, List.of(), proposed));
            }
            for (ProposedIdea idea : proposed) {
                IdeaOrigin origin = bestOfN ? IdeaOrigin.BEST_OF_N : idea.origin();
                study.store().ideas().propose(new NewIdea(epoch, origin, idea.title(), idea.text(), idea.parents(),
                        idea.promptCallId()));
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

    private List<ProposedIdea> ask(int epoch, int count, Mode mode, List<ScoredExemplar> exemplars,
                                   List<ProposedIdea> alreadyThisCall) throws AgentException {
        List<Idea> past = study.store().ideas().all();
        List<IdeationRequest.PastIdea> pastIdeas = new ArrayList<>();
        past.forEach(idea -> pastIdeas.add(new IdeationRequest.PastIdea(idea.id(), idea.title(), idea.text())));
        alreadyThisCall.forEach(idea -> pastIdeas.add(new IdeationRequest.PastIdea(0, idea.title(), idea.text())));
        List<IdeationRequest.ScoredIdea> scored = exemplars.stream()
                .map(e -> new IdeationRequest.ScoredIdea(e.idea().id(), e.idea().title(), e.idea().text(), e.reward()))
                .toList();
        List<ProposedIdea> answer = ideator.propose(new IdeationRequest(epoch, count, mode, scored, pastIdeas));
        Set<String> seen = new HashSet<>();
        pastIdeas.forEach(idea -> seen.add(key(idea.title())));
        List<ProposedIdea> fresh = new ArrayList<>();
        for (ProposedIdea idea : answer) {
            if (seen.add(key(idea.title())) && fresh.size() < count) {
                fresh.add(idea);
            }
        }
        return fresh;
    }

    /** Ideas whose best run beat the baseline, best first, at most top_k. */
    private List<ScoredExemplar> exemplars() {
        RewardSpec reward = study.spec().reward();
        boolean higherIsBetter = reward.goal() == RewardSpec.Goal.MAXIMIZE;
        Optional<Double> baseline = study.store().runs().baselineReward();
        if (baseline.isEmpty()) {
            return List.of();
        }
        Map<Long, Double> best = study.store().runs().bestRewardsByIdea(higherIsBetter);
        Comparator<ScoredExemplar> better = Comparator.comparingDouble(ScoredExemplar::reward);
        return best.entrySet().stream()
                .filter(entry -> higherIsBetter ? entry.getValue() > baseline.get() : entry.getValue() < baseline.get())
                .map(entry -> new ScoredExemplar(study.store().ideas().get(entry.getKey()), entry.getValue()))
                .sorted(higherIsBetter ? better.reversed() : better)
                .limit(study.spec().search().topK())
                .toList();
    }

    /** Titles compared without case, spacing and punctuation: "Cosine LR" and "cosine-lr." are the same idea. */
    static String key(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private record ScoredExemplar(Idea idea, double reward) {}
}
