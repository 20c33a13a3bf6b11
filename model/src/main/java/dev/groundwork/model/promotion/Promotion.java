package dev.groundwork.model.promotion;

import java.time.Instant;

/**
 * An idea promoted to the baseline: its code became commit {@code toCommit} on main (parent {@code fromCommit}).
 *
 * @param previousReward the baseline's reward before, or null when it had none
 * @param epoch          the epoch it was promoted in
 * @param afterRun       runs with a larger id ran the promoted code
 */
public record Promotion(long id, long ideaId, long patchId, String fromCommit, String toCommit, Double previousReward,
                        double ideaReward, int epoch, long afterRun, Instant promotedAt) {}
