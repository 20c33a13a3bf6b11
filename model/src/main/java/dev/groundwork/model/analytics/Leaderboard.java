package dev.groundwork.model.analytics;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.history.PatchFact;
import dev.groundwork.model.history.RunFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The scored ideas, best first, each with what it gained over its parent and over the baseline and what it cost. */
public final class Leaderboard {

    /** Where an idea's code came from, as the leaderboard names it. */
    public enum Origin {
        LLM("llm"), CATALOG("catalog"), HUMAN("human"), EDITED("edited");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param parentId     the idea it was bred from ({@link LineageGraph#parentOf}), or null for one bred from the baseline
     * @param vsParent     its reward minus its parent's (the baseline's without a parent); null when that is unknown
     * @param vsBaseline   its reward minus the baseline's; null before the baseline is scored
     * @param runId        the run whose reward counts
     */
    public record Row(int rank, long ideaId, String label, String title, double reward, Double vsParent,
                      Double vsBaseline, int epoch, Origin origin, double llmUsd, double gpuHours, long runId,
                      Long parentId) {}

    private Leaderboard() {}

    public static List<Row> of(StudyFacts facts) {
        Direction direction = facts.direction();
        Double baseline = facts.baselineReward().orElse(null);
        Double root = facts.originalBaselineRun().map(RunFact::reward).orElse(null);
        List<Idea> scored = new ArrayList<>(facts.ideas().stream().filter(idea -> facts.reward(idea.id()).isPresent()).toList());
        Comparator<Idea> byReward = Comparator.comparingDouble(idea -> facts.reward(idea.id()).orElseThrow());
        scored.sort((direction.higherIsBetter() ? byReward.reversed() : byReward).thenComparingLong(Idea::id));
        List<Row> rows = new ArrayList<>(scored.size());
        for (Idea idea : scored) {
            double reward = facts.reward(idea.id()).orElseThrow();
            Long parent = LineageGraph.parentOf(idea, facts);
            // A root idea was bred from the original code, not from whatever was promoted since.
            Double parentReward = parent == null ? root : facts.reward(parent).orElse(null);
            RunFact run = facts.countingRun(idea.id()).orElseThrow();
            rows.add(new Row(rows.size() + 1, idea.id(), IdeaLabels.of(idea.id(), idea.title()), idea.title(), reward,
                    parentReward == null ? null : reward - parentReward, baseline == null ? null : reward - baseline,
                    idea.epoch(), origin(idea, facts.patch(run.patchId() == null ? -1 : run.patchId())),
                    facts.llmUsd(idea.id()), facts.gpuHours(idea.id()), run.id(), parent));
        }
        return List.copyOf(rows);
    }

    /** A person's idea is human; code a person edited in review is edited, whoever proposed the idea. */
    static Origin origin(Idea idea, Optional<PatchFact> patch) {
        if (idea.origin() == IdeaOrigin.HUMAN) {
            return Origin.HUMAN;
        }
        if (patch.isPresent() && patch.get().author().contains("human")) {
            return Origin.EDITED;
        }
        return switch (idea.origin()) {
            case CATALOG -> Origin.CATALOG;
            // Stored under the strategy it ran in; an LLM's idea keeps the call that answered, the catalog's has none.
            case BEST_OF_N -> idea.promptCallId() == null ? Origin.CATALOG : Origin.LLM;
            default -> Origin.LLM;
        };
    }
}
