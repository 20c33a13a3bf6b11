package dev.groundwork.model.analytics;

import java.util.regex.Pattern;

/** Short labels that name an idea distinctly in a crowded chart or table: its number, then its title cut short. */
public final class IdeaLabels {

    private static final int TITLE_CHARS = 28;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private IdeaLabels() {}

    /** "#12 ctx10 + clip + mom…": the number makes it distinct, the title makes it readable. */
    public static String of(long ideaId, String title) {
        String flat = flat(title);
        return "#" + ideaId + " " + (flat.length() <= TITLE_CHARS ? flat : flat.substring(0, TITLE_CHARS - 1).strip() + "…");
    }

    /** "#12 ctx10 + clip + momentum 0.9" on one line, for a table that cuts it to the width its column has. */
    public static String whole(long ideaId, String title) {
        return "#" + ideaId + " " + flat(title);
    }

    private static String flat(String title) {
        return SPACES.matcher(title.strip()).replaceAll(" ");
    }
}
