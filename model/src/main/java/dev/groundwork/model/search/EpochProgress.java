package dev.groundwork.model.search;

/**
 * Where an epoch stands.
 *
 * @param ideas          ideas of the epoch so far (of {@code ideasTarget})
 * @param implemented    ideas whose patch applied and passed pre-flight
 * @param runsFinished   runs of the epoch that ended (of {@code runs})
 * @param best           the best reward of the study so far, or null
 * @param baseline       the baseline's reward, or null
 */
public record EpochProgress(int epoch, int epochs, String stage, int ideas, int ideasTarget, int implemented,
                            int runsFinished, int runs, Double best, Double baseline) {}
