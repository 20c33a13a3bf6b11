package dev.groundwork.runners.llm;

import java.util.regex.Pattern;

/** Keeps keys out of what Groundwork stores and shows: error bodies echo keys back ("Incorrect API key: sk-ab…yz"). */
final class Secrets {

    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|rk|pk)-[A-Za-z0-9_*\\-]{4,}");

    private Secrets() {
    }

    static String scrub(String text, ApiKey key) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        if (key.isPresent() && key.reveal().length() >= 4) {
            result = result.replace(key.reveal(), "[key]");
        }
        return KEY_LIKE.matcher(result).replaceAll("[key]");
    }
}
