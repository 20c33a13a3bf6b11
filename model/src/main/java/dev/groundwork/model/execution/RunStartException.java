package dev.groundwork.model.execution;

/** A run could not be started (command not found, host unreachable…); the message is a sentence for the user. */
public class RunStartException extends Exception {
    public RunStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public RunStartException(String message) {
        super(message);
    }
}
