package dev.groundwork.model.search;

/**
 * Why the loop returned, with a sentence for the researcher that names no front end's controls (no CLI command, no
 * button): the CLI and the window each add how to act on it, from {@link #kind()} and {@link #waiting()}.
 *
 * @param waiting what waits for a person when {@code kind} is {@link Kind#WAITING_FOR_REVIEW}; {@link Waiting#NONE} otherwise
 */
public record LoopOutcome(Kind kind, String message, Waiting waiting) {

    public LoopOutcome {
        waiting = waiting == null ? Waiting.NONE : waiting;
    }

    public LoopOutcome(Kind kind, String message) {
        this(kind, message, Waiting.NONE);
    }

    public enum Kind {
        /** Every requested epoch is complete, and nothing approved waits to be implemented or run. */
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

    /**
     * What a manual gate holds.
     *
     * @param ideas    ideas at the idea gate
     * @param patches  patches at the patch gate
     * @param launches runs queued behind the launch gate
     */
    public record Waiting(int ideas, int patches, int launches) {
        public static final Waiting NONE = new Waiting(0, 0, 0);
    }
}
