package dev.groundwork.model.search;

import dev.groundwork.model.agent.IdeationRequest.ScoredIdea;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.study.StudyFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ideas an exploit request shows the ideator, each with the reward its best run earned, best first. */
public final class Exemplars {

    private Exemplars() {
    }

    /** What the loop exploits: ideas whose best run beat the baseline, at most the spec's top_k. */
    public static List<ScoredIdea> beatingBaseline(StudyFolder study) {
        boolean higherIsBetter = higherIsBetter(study);
        Optional<Double> baseline = study.store().runs().baselineReward();
        if (baseline.isEmpty()) {
            return List.of();
        }
        Map<Long, Double> best = study.store().runs().bestRewardsByIdea(higherIsBetter);
        return best.entrySet().stream()
                .filter(entry -> higherIsBetter ? entry.getValue() > baseline.get() : entry.getValue() < baseline.get())
                .map(entry -> scored(study.store().ideas().get(entry.getKey()), entry.getValue()))
                .sorted(bestFirst(higherIsBetter))
                .limit(study.spec().search().topK())
                .toList();
    }

    /**
     * What breeding exploits: exactly the ideas a researcher chose. Each needs a reward, since the ideator is shown
     * what each parent earned; otherwise nothing is asked and the message says which idea has none.
     */
    public static List<ScoredIdea> chosen(StudyFolder study, List<Long> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Choose the ideas to breed from in the table first.");
        }
        boolean higherIsBetter = higherIsBetter(study);
        Map<Long, Double> best = study.store().runs().bestRewardsByIdea(higherIsBetter);
        List<ScoredIdea> chosen = new ArrayList<>();
        for (long id : ids.stream().distinct().toList()) {
            Idea idea = study.store().ideas().find(id)
                    .orElseThrow(() -> new IllegalArgumentException("There is no idea " + id + " in this study."));
            Double reward = best.get(id);
            if (reward == null) {
                throw new IllegalArgumentException("Idea " + id + " \"" + idea.title() + "\" has no reward yet: breed"
                        + " from ideas whose runs have finished.");
            }
            chosen.add(scored(idea, reward));
        }
        chosen.sort(bestFirst(higherIsBetter));
        return List.copyOf(chosen);
    }

    private static boolean higherIsBetter(StudyFolder study) {
        return study.spec().reward().goal() == RewardSpec.Goal.MAXIMIZE;
    }

    private static ScoredIdea scored(Idea idea, double reward) {
        return new ScoredIdea(idea.id(), idea.title(), idea.text(), reward);
    }

    private static Comparator<ScoredIdea> bestFirst(boolean higherIsBetter) {
        Comparator<ScoredIdea> byReward = Comparator.comparingDouble(ScoredIdea::reward);
        return higherIsBetter ? byReward.reversed() : byReward;
    }
}
