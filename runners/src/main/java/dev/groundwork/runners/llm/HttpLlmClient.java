package dev.groundwork.runners.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundwork.runners.llm.LlmException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request loop both providers share: one JSON POST, retried on 408/409/429/5xx/529 and timeouts with the back-off
 * of a {@link RetryPolicy} (honouring Retry-After), and errors sorted into {@link LlmException.Kind}s.
 */
abstract class HttpLlmClient implements LlmClient {

    static final MediaType JSON = MediaType.get("application/json");
    private static final Logger LOG = LoggerFactory.getLogger(HttpLlmClient.class);
    private static final int DETAIL_CHARS = 240;
    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    private static final Pattern CONTEXT = Pattern.compile("context[ _]length|maximum context|context window"
            + "|context size|prompt is too long|too many tokens|maximum number of tokens|input is too long"
            + "|exceeds the model|too long for the model|reduce the length");
    private static final Pattern NO_MODEL = Pattern.compile("model.*(not found|does not exist|not exist|unknown"
            + "|not available|no such)|(unknown|invalid) model|model_not_found");
    private static final Pattern QUOTA = Pattern.compile("insufficient_quota|exceeded your current quota"
            + "|credit balance|billing");

    protected final LlmSettings settings;
    protected final ObjectMapper json = new ObjectMapper();
    private final OkHttpClient http;
    private final RetryPolicy retry;

    HttpLlmClient(LlmSettings settings, OkHttpClient base, RetryPolicy retry) {
        this.settings = settings;
        this.retry = retry;
        long timeoutMs = settings.timeout().toMillis();
        this.http = base.newBuilder()
                .connectTimeout(Math.min(timeoutMs, 10_000), TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .writeTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .callTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .build();
    }

    @Override
    public LlmSettings settings() {
        return settings;
    }

    /** The provider's request for this prompt. */
    abstract Request request(LlmPrompt prompt) throws LlmException;

    /** The answer from a 2xx body, or the refusal, empty answer or malformed body it is. */
    abstract LlmReply reply(JsonNode root, int tries, long latencyMs) throws LlmException;

    @Override
    public final LlmReply complete(LlmPrompt prompt) throws LlmException {
        Request request = request(prompt);
        long start = System.nanoTime();
        int tries = 0;
        while (true) {
            tries++;
            LlmException failure;
            Duration wait;
            try (Response response = http.newCall(request).execute()) {
                ResponseBody body = response.body();
                String text = body == null ? "" : body.string();
                if (response.isSuccessful()) {
                    JsonNode root;
                    try {
                        root = json.readTree(text);
                    } catch (JsonProcessingException e) {
                        throw LlmException.answer(Kind.BAD_RESPONSE, settings, "not JSON: " + excerpt(text), tries,
                                0, 0, "", "").withLatency(millisSince(start));
                    }
                    if (root == null || !root.isObject()) {
                        throw LlmException.answer(Kind.BAD_RESPONSE, settings, "not a JSON object: " + excerpt(text),
                                tries, 0, 0, "", "").withLatency(millisSince(start));
                    }
                    try {
                        return reply(root, tries, millisSince(start));
                    } catch (LlmException e) {
                        throw e.withLatency(millisSince(start));
                    }
                }
                Optional<Duration> retryAfter = retryAfter(response);
                failure = httpFailure(response.code(), text, tries);
                if (!retriable(response.code(), failure) || tries >= retry.maxTries()) {
                    throw failure.withLatency(millisSince(start));
                }
                if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                    throw LlmException.http(failure.kind(), settings, response.code(), failure.detail(), tries,
                            retryAfter.get()).withLatency(millisSince(start));
                }
                wait = retryAfter.isPresent() ? retryAfter.get() : retry.backoff(tries);
                LOG.info("{} answered {} ({}); try {} of {}, next in {}.", settings.displayName(), response.code(),
                        failure.detail(), tries, retry.maxTries(), LlmException.humanSeconds(wait));
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw LlmException.io(Kind.CANCELLED, settings, "", tries, e).withLatency(millisSince(start));
                }
                failure = ioFailure(e, tries);
                if (failure.kind() != Kind.TIMEOUT && !(failure.kind() == Kind.UNREACHABLE && transientIo(e))
                        || tries >= retry.maxTries()) {
                    throw failure.withLatency(millisSince(start));
                }
                wait = retry.backoff(tries);
                LOG.info("{} at {}: {} ({}); try {} of {}, next in {}.", settings.displayName(), settings.hostAndPort(),
                        failure.kind(), e.getClass().getSimpleName(), tries, retry.maxTries(),
                        LlmException.humanSeconds(wait));
            }
            try {
                retry.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LlmException.io(Kind.CANCELLED, settings, "", tries, e).withLatency(millisSince(start));
            }
        }
    }

    private static boolean retriable(int status, LlmException failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED, SERVER, TIMEOUT -> true;
            default -> false;
        } && status != 501;
    }

    /** What a non-2xx answer means. */
    private LlmException httpFailure(int status, String body, int tries) {
        ErrorText error = ErrorText.of(json, body);
        String detail = Secrets.scrub(error.message(), settings.apiKey());
        detail = excerpt(detail);
        String all = (error.message() + " " + error.type() + " " + error.code()).toLowerCase(Locale.ROOT);
        Kind kind;
        if (status == 401 || status == 403) {
            kind = QUOTA.matcher(all).find() ? Kind.QUOTA : Kind.AUTH;
        } else if (status == 402 || QUOTA.matcher(all).find() && status < 500) {
            kind = Kind.QUOTA;
        } else if (status == 413 || status >= 400 && status < 500 && status != 429 && CONTEXT.matcher(all).find()) {
            kind = Kind.CONTEXT_TOO_LONG;
        } else if (status == 404) {
            kind = NO_MODEL.matcher(all).find() || all.contains("model") ? Kind.UNKNOWN_MODEL : Kind.WRONG_URL;
        } else if (status >= 400 && status < 500 && status != 408 && status != 409 && status != 425 && status != 429
                && NO_MODEL.matcher(all).find()) {
            kind = Kind.UNKNOWN_MODEL;
        } else if (status == 429) {
            kind = Kind.RATE_LIMITED;
        } else if (status == 408) {
            kind = Kind.TIMEOUT;
        } else if (status >= 500 || status == 409 || status == 425) {
            kind = Kind.SERVER;
        } else {
            kind = Kind.BAD_REQUEST;
        }
        return LlmException.http(kind, settings, status, detail, tries, null);
    }

    private LlmException ioFailure(IOException e, int tries) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException
                && message.toLowerCase(Locale.ROOT).contains("timeout")) {
            return LlmException.io(Kind.TIMEOUT, settings, "", tries, e);
        }
        return LlmException.io(Kind.UNREACHABLE, settings, excerpt(Secrets.scrub(message, settings.apiKey())), tries, e);
    }

    /** A dropped connection may work next time; a refused one, an unknown host or a TLS failure will not. */
    private static boolean transientIo(IOException e) {
        return !(e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof SSLException);
    }

    /** {@code retry-after-ms} (OpenAI), else {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Response response) {
        String millis = response.header("retry-after-ms");
        if (millis != null) {
            try {
                double value = Double.parseDouble(millis.strip());
                if (value >= 0) {
                    return Optional.of(Duration.ofMillis((long) Math.ceil(value)));
                }
            } catch (NumberFormatException ignored) {
                // fall back to Retry-After
            }
        }
        String header = response.header("Retry-After");
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(header.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** The answer without {@code <think>…</think>} sections; an unclosed one means the model never got to answer. */
    static String withoutThinking(String text) {
        String result = THINK.matcher(text).replaceAll("");
        int open = result.indexOf("<think>");
        if (open >= 0 && result.substring(0, open).isBlank()) {
            return "";
        }
        return result.strip();
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("<[^>]{1,80}>", " ").replaceAll("\\s+", " ").strip();
        return flat.length() <= DETAIL_CHARS ? flat : flat.substring(0, DETAIL_CHARS - 1) + "…";
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    static long longAt(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asLong() : 0;
    }

    static String textAt(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }

    /** The message, type and code of an error body in any of the shapes servers use. */
    record ErrorText(String message, String type, String code) {

        static ErrorText of(ObjectMapper json, String body) {
            JsonNode root = null;
            try {
                root = body == null || body.isBlank() ? null : json.readTree(body);
            } catch (JsonProcessingException notJson) {
                // plain text or HTML
            }
            if (root == null || !root.isObject()) {
                return new ErrorText(body == null ? "" : body, "", "");
            }
            JsonNode error = root.get("error");
            if (error != null && error.isObject()) {
                return new ErrorText(text(error.get("message")), text(error.get("type")), text(error.get("code")));
            }
            if (error != null && error.isTextual()) {
                return new ErrorText(error.asText(), text(root.get("type")), text(root.get("code")));
            }
            String message = text(root.get("message"));
            if (message.isEmpty()) {
                message = text(root.get("detail"));
            }
            return new ErrorText(message.isEmpty() ? body : message, text(root.get("type")), text(root.get("code")));
        }

        private static String text(JsonNode node) {
            if (node == null || node.isNull()) {
                return "";
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }
    }
}
