package dev.groundwork.runners.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Response bodies in the shapes OpenAI's and Anthropic's API references document, errors included. */
final class ApiBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiBodies() {
    }

    static String quoted(String text) {
        try {
            return text == null ? "null" : JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- OpenAI chat completions

    static String chatCompletion(String model, String content, long promptTokens, long completionTokens) {
        return chatCompletion(model, quoted(content), "null", "stop", promptTokens, completionTokens);
    }

    static String chatCompletion(String model, String contentJson, String refusalJson, String finishReason,
                                 long promptTokens, long completionTokens) {
        return """
                {
                  "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
                  "object": "chat.completion",
                  "created": 1741569952,
                  "model": "%s",
                  "choices": [
                    {
                      "index": 0,
                      "message": {
                        "role": "assistant",
                        "content": %s,
                        "refusal": %s,
                        "annotations": []
                      },
                      "logprobs": null,
                      "finish_reason": "%s"
                    }
                  ],
                  "usage": {
                    "prompt_tokens": %d,
                    "completion_tokens": %d,
                    "total_tokens": %d,
                    "prompt_tokens_details": { "cached_tokens": 0, "audio_tokens": 0 },
                    "completion_tokens_details": {
                      "reasoning_tokens": 0, "audio_tokens": 0,
                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0
                    }
                  },
                  "service_tier": "default",
                  "system_fingerprint": "fp_44709d6fcb"
                }
                """.formatted(model, contentJson, refusalJson, finishReason, promptTokens, completionTokens,
                promptTokens + completionTokens);
    }

    /** What Ollama's /v1/chat/completions sends: fewer fields, no refusal. */
    static String ollamaCompletion(String model, String content) {
        return """
                {"id":"chatcmpl-457","object":"chat.completion","created":1729890000,"model":"%s",\
                "system_fingerprint":"fp_ollama","choices":[{"index":0,"message":{"role":"assistant","content":%s},\
                "finish_reason":"stop"}],"usage":{"prompt_tokens":26,"completion_tokens":120,"total_tokens":146}}
                """.formatted(model, quoted(content));
    }

    static String openAiError(String message, String type, String param, String code) {
        return """
                {
                  "error": {
                    "message": %s,
                    "type": %s,
                    "param": %s,
                    "code": %s
                  }
                }
                """.formatted(quoted(message), quoted(type), quoted(param), quoted(code));
    }

    static final String OPENAI_BAD_KEY = openAiError("Incorrect API key provided: sk-proj-****************************"
            + "ABCDEF. You can find your API key at https://platform.openai.com/account/api-keys.",
            "invalid_request_error", null, "invalid_api_key");
    static final String OPENAI_NO_MODEL = openAiError("The model `gpt-9` does not exist or you do not have access to"
            + " it.", "invalid_request_error", null, "model_not_found");
    static final String OPENAI_TOO_LONG = openAiError("This model's maximum context length is 128000 tokens. However,"
            + " your messages resulted in 130542 tokens. Please reduce the length of the messages.",
            "invalid_request_error", "messages", "context_length_exceeded");
    static final String OPENAI_RATE_LIMIT = openAiError("Rate limit reached for gpt-4o in organization org-abc123 on"
            + " tokens per min (TPM): Limit 30000, Used 29500, Requested 1200. Please try again in 2s. Visit"
            + " https://platform.openai.com/account/rate-limits to learn more.", "tokens", null, "rate_limit_exceeded");
    static final String OPENAI_QUOTA = openAiError("You exceeded your current quota, please check your plan and"
            + " billing details. For more information on this error, read the docs:"
            + " https://platform.openai.com/docs/guides/error-codes/api-errors.", "insufficient_quota", null,
            "insufficient_quota");
    static final String OPENAI_SERVER_ERROR = openAiError("The server had an error while processing your request."
            + " Sorry about that!", "server_error", null, null);

    // ---- Anthropic messages

    static String message(String model, String text, long inputTokens, long outputTokens) {
        return message(model, "[{\"type\": \"text\", \"text\": " + quoted(text) + "}]", "end_turn", inputTokens,
                outputTokens);
    }

    static String message(String model, String contentJson, String stopReason, long inputTokens, long outputTokens) {
        return """
                {
                  "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
                  "type": "message",
                  "role": "assistant",
                  "model": "%s",
                  "content": %s,
                  "stop_reason": "%s",
                  "stop_sequence": null,
                  "usage": {
                    "input_tokens": %d,
                    "cache_creation_input_tokens": 0,
                    "cache_read_input_tokens": 0,
                    "output_tokens": %d,
                    "service_tier": "standard"
                  }
                }
                """.formatted(model, contentJson, stopReason, inputTokens, outputTokens);
    }

    static String thinkingThenText(String thinking, String text) {
        return "[{\"type\": \"thinking\", \"thinking\": " + quoted(thinking) + ", \"signature\":"
                + " \"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds\"}, {\"type\": \"text\", \"text\": "
                + quoted(text) + "}]";
    }

    static String anthropicError(String type, String message) {
        return """
                {"type":"error","error":{"type":%s,"message":%s},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}
                """.formatted(quoted(type), quoted(message));
    }
}
