package dev.groundwork.model.agent;

import java.util.List;

/**
 * One call for ideas.
 *
 * @param mode       explore (new directions) or exploit (combine and refine the exemplars)
 * @param exemplars  for exploit: ideas that beat the baseline, best first, with their rewards
 * @param pastIdeas  every idea the study has seen (titles and texts), to avoid repeating them
 */
public record IdeationRequest(int epoch, int count, Mode mode, List<ScoredIdea> exemplars, List<PastIdea> pastIdeas) {

    public enum Mode { EXPLORE, EXPLOIT }

    public IdeationRequest {
        if (count < 1) {
            throw new IllegalArgumentException("Ask for at least one idea.");
        }
        exemplars = List.copyOf(exemplars);
        pastIdeas = List.copyOf(pastIdeas);
    }

    /** An idea with the reward its best run earned, and the baseline's, for the exploit prompt. */
    public record ScoredIdea(long id, String title, String text, double reward) {}

    /** An idea already in the study. */
    public record PastIdea(long id, String title, String text) {}
}
