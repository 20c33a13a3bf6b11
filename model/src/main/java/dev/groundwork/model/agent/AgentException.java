package dev.groundwork.model.agent;

/** An agent could not do its job (no more catalog ideas, a provider error…); the message is a sentence for the user. */
public class AgentException extends Exception {
    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
