package dev.groundwork.model.common;

/**
 * "Not now" or "not allowed", said as one sentence for the researcher: the model refuses, each front end decides how to
 * show it (the CLI as an exit code and a line on standard error, the window as a message). The sentence names no
 * front end's controls.
 */
public final class Refusal extends RuntimeException {

    /** Why the answer is no. */
    public enum Kind {
        /** The request is fine but the moment is not (something runs, a lock is held): try again later. */
        NOT_NOW,
        /** The request can never be granted as asked (wrong state, unknown item): change the request. */
        NOT_ALLOWED
    }

    private final Kind kind;

    public Refusal(Kind kind, String sentence) {
        super(sentence);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
