package dev.groundwork.runners.llm;

import java.util.Locale;

/**
 * {@code groundwork llm test PROVIDER:MODEL}: one tiny request (no thinking, a short answer), so a user learns whether
 * the key, the base URL and the model work before a study spends anything. Nothing is recorded.
 */
public final class LlmCheck {

    /** Room for a reasoning model to think briefly before its one word. */
    static final int MAX_TOKENS = 1024;
    static final LlmPrompt PROMPT = new LlmPrompt("You are a connectivity check. Answer in one word.",
            "Reply with the single word: ready");

    /** What the check found: {@code ok} and a sentence for the user. */
    public record Result(boolean ok, String sentence) {}

    private final LlmClients clients;

    public LlmCheck(LlmClients clients) {
        this.clients = clients;
    }

    public Result run(LlmSettings settings) {
        LlmClient client = clients.create(settings.withThinkingBudget(0)
                .withMaxTokens(Math.min(settings.maxTokens(), MAX_TOKENS)));
        try {
            LlmReply reply = client.complete(PROMPT);
            String answer = reply.text().strip().lines().findFirst().orElse("");
            if (answer.length() > 60) {
                answer = answer.substring(0, 59) + "…";
            }
            return new Result(true, String.format(Locale.ROOT,
                    "%s at %s answered \"%s\" in %d ms (%d tokens in, %d out%s), %s.",
                    settings.displayName(), settings.baseUrl(), answer, reply.latencyMs(), reply.tokensIn(),
                    reply.tokensOut(), reply.tries() > 1 ? ", after " + reply.tries() + " tries" : "",
                    settings.apiKey().isPresent() ? "with the key from " + settings.apiKey().source() : "without a key"));
        } catch (LlmException e) {
            return new Result(false, capitalized(e.sentence(null)));
        }
    }

    private static String capitalized(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
