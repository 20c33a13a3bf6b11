package dev.groundwork.model.agent;

/**
 * The agent cannot work at all right now — a wrong key, no quota, a server that cannot be reached or keeps refusing —
 * as opposed to failing at one idea. The loop stops with the message and changes nothing about the idea, so that
 * running it again after the fix continues where it stopped.
 */
public final class AgentUnavailableException extends AgentException {
    public AgentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
