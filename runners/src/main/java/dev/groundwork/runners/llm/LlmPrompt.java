package dev.groundwork.runners.llm;

import java.util.Objects;

/** What goes to a model: a system prompt and one user message. */
public record LlmPrompt(String system, String user) {

    public LlmPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }

    /** The prompt as the ledger stores it: the template's own markers around each part. */
    public String transcript() {
        return PromptTemplates.SYSTEM_MARKER + "\n" + system + "\n" + PromptTemplates.USER_MARKER + "\n" + user;
    }
}
