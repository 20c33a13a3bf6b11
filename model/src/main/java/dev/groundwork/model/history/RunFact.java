package dev.groundwork.model.history;

/** A run's outcome and cost, without its reproducibility text. Times are epoch milliseconds or null. */
public record RunFact(long id, Long ideaId, Long patchId, int epoch, String status, String failureClass,
                      Double reward, boolean counts, double gpuSeconds, Long startedAt, Long endedAt) {}
