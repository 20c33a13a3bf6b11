package dev.groundwork.runners.llm;

/**
 * A model's answer.
 *
 * @param text       the answer, without any {@code <think>} section a reasoning model put in front of it
 * @param raw        the answer as it came (what the ledger stores)
 * @param stopReason the server's finish or stop reason ({@code stop}, {@code end_turn}, {@code length}…), or empty
 * @param latencyMs  from the first request to the answer, retries and waits included
 * @param tries      requests it took (1 when nothing was retried)
 */
public record LlmReply(String text, String raw, long tokensIn, long tokensOut, String stopReason, long latencyMs,
                       int tries) {
}
