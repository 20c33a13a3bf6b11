package dev.groundwork.runners.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.runners.llm.LlmException.Kind;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * {@code POST {base}/chat/completions}: OpenAI, and every server that speaks its chat-completions protocol (vLLM,
 * Ollama, LM Studio, llama.cpp's server). OpenAI itself gets {@code max_completion_tokens} (its reasoning models refuse
 * {@code max_tokens}) and no temperature for reasoning models (o1, o3, o4, gpt-5), which accept only their own; other
 * servers get {@code max_tokens}, which all of them read.
 */
final class OpenAiChatClient extends HttpLlmClient {

    private static final Pattern REASONING_MODEL = Pattern.compile("^(o\\d|gpt-5)(?!.*-chat).*");

    OpenAiChatClient(LlmSettings settings, OkHttpClient http, RetryPolicy retry) {
        super(settings, http, retry);
    }

    String endpoint() {
        String base = settings.baseUrl().toString();
        return settings.baseUrl().getPath().isEmpty() ? base + "/v1/chat/completions" : base + "/chat/completions";
    }

    private boolean isOpenAi() {
        return settings.baseUrl().getHost().equalsIgnoreCase(LlmProvider.OPENAI.defaultBaseUrl().getHost());
    }

    @Override
    Request request(LlmPrompt prompt) {
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        ArrayNode messages = body.putArray("messages");
        if (!prompt.system().isBlank()) {
            messages.addObject().put("role", "system").put("content", prompt.system());
        }
        messages.addObject().put("role", "user").put("content", prompt.user());
        body.put(isOpenAi() ? "max_completion_tokens" : "max_tokens", settings.maxTokens());
        boolean reasoning = isOpenAi() && REASONING_MODEL.matcher(settings.model()).matches();
        if (settings.temperature() != null && !reasoning) {
            body.put("temperature", settings.temperature());
        }
        body.put("stream", false);
        Request.Builder request = new Request.Builder().url(endpoint())
                .post(RequestBody.create(body.toString(), JSON))
                .header("Accept", "application/json");
        if (settings.apiKey().isPresent()) {
            request.header("Authorization", "Bearer " + settings.apiKey().reveal());
        }
        return request.build();
    }

    @Override
    LlmReply reply(JsonNode root, int tries, long latencyMs) throws LlmException {
        JsonNode choices = root.get("choices");
        JsonNode usage = root.get("usage");
        long in = longAt(usage, "prompt_tokens");
        long out = longAt(usage, "completion_tokens");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            JsonNode error = root.get("error");
            if (error != null && !error.isNull()) {
                String message = error.isObject() ? textAt(error, "message") : error.asText();
                throw LlmException.answer(Kind.BAD_REQUEST, settings, excerpt(Secrets.scrub(message, settings.apiKey())),
                        tries, in, out, "", "");
            }
            throw LlmException.answer(Kind.BAD_RESPONSE, settings, "no choices in " + excerpt(root.toString()), tries,
                    in, out, "", "");
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        String finish = textAt(choice, "finish_reason");
        if (message == null || !message.isObject()) {
            throw LlmException.answer(Kind.BAD_RESPONSE, settings, "a choice without a message", tries, in, out, "",
                    finish);
        }
        String raw = content(message.get("content"));
        String refusal = textAt(message, "refusal");
        if (!refusal.isBlank()) {
            throw LlmException.answer(Kind.REFUSAL, settings, excerpt(refusal), tries, in, out, refusal, finish);
        }
        String text = withoutThinking(raw);
        if (text.isBlank()) {
            if (finish.equals("content_filter")) {
                throw LlmException.answer(Kind.REFUSAL, settings, "stopped by the content filter", tries, in, out, raw,
                        finish);
            }
            throw LlmException.answer(Kind.EMPTY, settings, "", tries, in, out, raw, finish);
        }
        return new LlmReply(text, raw, in, out, finish, latencyMs, tries);
    }

    /** A string, or (some servers) an array of parts whose text parts are joined. */
    private static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    text.append(part.asText());
                } else if ("text".equals(textAt(part, "type")) || part.has("text")) {
                    text.append(textAt(part, "text"));
                }
            }
            return text.toString();
        }
        return "";
    }
}
