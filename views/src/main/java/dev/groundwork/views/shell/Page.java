package dev.groundwork.views.shell;

import java.util.Locale;

/** The shell's pages in navigation order; page n is reached with Ctrl+n. */
public enum Page {
    IDEAS("Ideas"),
    REVIEW("Review"),
    RUNS("Runs"),
    ANALYTICS("Analytics"),
    LINEAGE("Lineage"),
    SETTINGS("Settings");

    private final String title;

    Page(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** A stable lower-case key for node ids ("nav-ideas", "page-ideas"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The digit of its keyboard shortcut, 1 to 6. */
    public int shortcut() {
        return ordinal() + 1;
    }
}
