package dev.groundwork.model.execution;

/** A run could not be started (command not found, host unreachable…); the message is a sentence for the user. */
public class RunStartException extends Exception {

    private final boolean hostDown;

    public RunStartException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public RunStartException(String message) {
        this(message, null, false);
    }

    private RunStartException(String message, Throwable cause, boolean hostDown) {
        super(message, cause);
        this.hostDown = hostDown;
    }

    /** The host did not answer: the run may start elsewhere, and the host is checked again later. */
    public static RunStartException hostDown(String message, Throwable cause) {
        return new RunStartException(message, cause, true);
    }

    public boolean hostDown() {
        return hostDown;
    }
}
