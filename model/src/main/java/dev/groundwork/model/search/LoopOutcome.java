package dev.groundwork.model.search;

/** Why the loop returned, with a sentence for the researcher. */
public record LoopOutcome(Kind kind, String message) {

    public enum Kind {
        /** Every requested epoch is complete. */
        COMPLETED,
        /** A manual gate waits for a person; running again after approving continues. */
        WAITING_FOR_REVIEW,
        /** A budget is spent. */
        BUDGET_SPENT,
        /** Someone asked it to pause: the running runs finished, nothing new was started. */
        PAUSED,
        /** Someone asked it to stop (Ctrl-C, the Stop button). */
        STOPPED,
        /** It cannot go on without a fix (the baseline does not run, the ideator has nothing left…). */
        BLOCKED
    }
}
