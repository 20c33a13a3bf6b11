package dev.groundwork.model.analytics;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.history.PatchFact;
import dev.groundwork.model.history.RunFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Study facts built by hand: ideas with parents, one patch each, runs with rewards. */
final class Facts {

    private final List<Idea> ideas = new ArrayList<>();
    private final List<RunFact> runs = new ArrayList<>();
    private final List<PatchFact> patches = new ArrayList<>();
    private final Map<Long, Double> usdByIdea = new HashMap<>();
    private final Map<Long, Double> usdByEpoch = new HashMap<>();
    private long nextRun = 1;

    Facts baseline(double reward) {
        runs.add(new RunFact(nextRun++, null, null, 0, "succeeded", null, reward, true, 60, 1L, 2L));
        return this;
    }

    /** An implemented idea with an applied, approved patch (patch id = idea id) and no run yet. */
    Facts idea(long id, int epoch, IdeaOrigin origin, IdeaStatus status, Long... parents) {
        ideas.add(new Idea(id, epoch, origin, "idea " + id, "text", List.of(parents), status, "", null, null,
                Instant.EPOCH, Instant.EPOCH));
        patches.add(new PatchFact(id, id, 1, origin == IdeaOrigin.HUMAN ? "human" : "catalog", "approved", null,
                "commit" + id, "base", "ann", 5L, "looks right"));
        return this;
    }

    Facts idea(long id, int epoch, Long... parents) {
        return idea(id, epoch, IdeaOrigin.LLM_EXPLORE, IdeaStatus.IMPLEMENTED, parents);
    }

    /** A run of the idea's patch; the first succeeded one counts. */
    Facts run(long idea, int epoch, String status, Double reward, String failure) {
        boolean counts = "succeeded".equals(status) && runs.stream()
                .noneMatch(r -> r.ideaId() != null && r.ideaId() == idea && r.counts());
        runs.add(new RunFact(nextRun++, idea, idea, epoch, status, failure, reward, counts, 3600, 1L, 2L));
        return this;
    }

    Facts scored(long idea, int epoch, double reward) {
        return run(idea, epoch, "succeeded", reward, null);
    }

    Facts spent(long idea, long epoch, double usd) {
        usdByIdea.merge(idea, usd, Double::sum);
        usdByEpoch.merge(epoch, usd, Double::sum);
        return this;
    }

    StudyFacts build(Direction direction) {
        return new StudyFacts(ideas, runs, patches, usdByIdea, usdByEpoch, direction);
    }
}
