package dev.groundwork.runners.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.runners.llm.LlmException.Kind;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * {@code POST {base}/v1/messages} of Anthropic's Messages API. With a thinking budget the request asks for extended
 * thinking ({@code budget_tokens}), sends no temperature (thinking allows only the default) and raises
 * {@code max_tokens} by the budget, so the answer keeps its own limit; thinking blocks are left out of the answer.
 */
final class AnthropicMessagesClient extends HttpLlmClient {

    static final String API_VERSION = "2023-06-01";

    AnthropicMessagesClient(LlmSettings settings, OkHttpClient http, RetryPolicy retry) {
        super(settings, http, retry);
    }

    String endpoint() {
        String base = settings.baseUrl().toString();
        return settings.baseUrl().getPath().endsWith("/v1") ? base + "/messages" : base + "/v1/messages";
    }

    @Override
    Request request(LlmPrompt prompt) {
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        int thinking = settings.thinkingBudget();
        body.put("max_tokens", settings.maxTokens() + thinking);
        if (!prompt.system().isBlank()) {
            body.put("system", prompt.system());
        }
        body.putArray("messages").addObject().put("role", "user").put("content", prompt.user());
        if (thinking > 0) {
            body.putObject("thinking").put("type", "enabled").put("budget_tokens", thinking);
        } else if (settings.temperature() != null) {
            body.put("temperature", Math.min(1.0, settings.temperature()));
        }
        Request.Builder request = new Request.Builder().url(endpoint())
                .post(RequestBody.create(body.toString(), JSON))
                .header("anthropic-version", API_VERSION)
                .header("Accept", "application/json");
        if (settings.apiKey().isPresent()) {
            request.header("x-api-key", settings.apiKey().reveal());
        }
        return request.build();
    }

    @Override
    LlmReply reply(JsonNode root, int tries, long latencyMs) throws LlmException {
        JsonNode usage = root.get("usage");
        long in = longAt(usage, "input_tokens") + longAt(usage, "cache_creation_input_tokens")
                + longAt(usage, "cache_read_input_tokens");
        long out = longAt(usage, "output_tokens");
        if ("error".equals(textAt(root, "type"))) {
            JsonNode error = root.get("error");
            throw LlmException.answer(Kind.BAD_REQUEST, settings,
                    excerpt(Secrets.scrub(textAt(error, "message"), settings.apiKey())), tries, in, out, "", "");
        }
        JsonNode content = root.get("content");
        if (content == null || !content.isArray()) {
            throw LlmException.answer(Kind.BAD_RESPONSE, settings, "no content in " + excerpt(root.toString()), tries,
                    in, out, "", "");
        }
        StringBuilder raw = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(textAt(block, "type"))) {
                if (!raw.isEmpty()) {
                    raw.append("\n\n");
                }
                raw.append(textAt(block, "text"));
            }
        }
        String stop = textAt(root, "stop_reason");
        String text = withoutThinking(raw.toString());
        if (stop.equals("refusal")) {
            throw LlmException.answer(Kind.REFUSAL, settings, excerpt(text), tries, in, out, raw.toString(), stop);
        }
        if (text.isBlank()) {
            throw LlmException.answer(Kind.EMPTY, settings, "", tries, in, out, raw.toString(), stop);
        }
        return new LlmReply(text, raw.toString(), in, out, stop, latencyMs, tries);
    }
}
