package dev.groundwork.app.cli;

/** A failure the user can fix, with the sentence that says how and the exit code it maps to. */
public final class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(int exitCode, String sentence, Throwable cause) {
        super(sentence, cause);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String sentence) {
        this(exitCode, sentence, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
