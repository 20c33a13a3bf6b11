package dev.groundwork.model.agent;

/** Turns an idea into a unified diff against the code it builds on: the offline catalog, or an LLM. */
public interface Implementer {

    /** How the user sees it: "offline catalog", "openai:gpt-5"… */
    String displayName();

    /** The author recorded on its patches: {@code catalog} or {@code llm:<model>}. */
    String author();

    /** One attempt: a diff (possibly wrapped in prose or fences; the patch engine extracts it). */
    String implement(ImplementationRequest request) throws AgentException;

    /**
     * Whether it can write a corrected diff from an error (a failed apply, a traceback of a crashed run); the offline
     * catalog cannot, so the loop does not ask it to repair a crash.
     */
    default boolean revises() {
        return true;
    }

    /**
     * Why it could never write a patch for an idea with this title and no parents to build on (the offline catalog
     * knows only its own ideas), said so that seeding refuses at once instead of leaving the idea unimplementable; empty
     * when it can try (an LLM always can).
     */
    default java.util.Optional<String> cannotImplement(String title, boolean hasParents) {
        return java.util.Optional.empty();
    }
}
