package dev.groundwork.model.agent;

import java.util.List;

/** Proposes research ideas: the offline catalog, or an LLM. */
public interface Ideator {

    /** How the user sees it: "offline catalog", "openai:gpt-5"… */
    String displayName();

    /**
     * Up to {@code request.count()} new ideas (fewer when it has no more); never the same idea twice across calls for
     * one study, as far as it can tell from {@code request.pastIdeas()}.
     */
    List<ProposedIdea> propose(IdeationRequest request) throws AgentException;
}
