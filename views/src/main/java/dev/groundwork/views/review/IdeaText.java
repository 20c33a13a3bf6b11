package dev.groundwork.views.review;

import java.util.regex.Pattern;

/**
 * An idea's text as the Review page shows it beside the code: the ideators' sections ({@code [Experiment]},
 * {@code [Code Changes]}) as paragraphs of their own, without the closing {@code [End]}. Stored text flows, so without
 * the breaks the code changes would hide in the middle of a line.
 */
final class IdeaText {

    private static final Pattern SECTION = Pattern.compile("\\s*(\\[Code Changes])");
    private static final Pattern END = Pattern.compile("\\s*\\[End]\\s*$");

    private IdeaText() {}

    static String readable(String text) {
        String body = END.matcher(text.strip()).replaceFirst("");
        if (body.isBlank()) {
            return "This idea has no text: its title is all there is.";
        }
        return SECTION.matcher(body).replaceAll("\n\n$1").strip();
    }
}
