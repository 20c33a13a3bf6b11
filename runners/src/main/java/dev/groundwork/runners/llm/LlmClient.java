package dev.groundwork.runners.llm;

/** One model behind one API: a prompt in, an answer out, with retries inside. */
public interface LlmClient {

    LlmSettings settings();

    /**
     * Sends the prompt and waits for the whole answer, retrying rate limits, overload, server errors and timeouts.
     *
     * @throws LlmException no usable answer (its {@link LlmException#sentence(String)} says why and what to do)
     */
    LlmReply complete(LlmPrompt prompt) throws LlmException;
}
