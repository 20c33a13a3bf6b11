package dev.groundwork.model.history;

/** A patch's place in the code lineage and its decision, without its diff. */
public record PatchFact(long id, long ideaId, int attempt, String author, String status, Long parentPatchId,
                        String commit, String baseCommit, String decidedBy, Long decidedAt, String comment) {}
