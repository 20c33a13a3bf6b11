package dev.groundwork.views.shell;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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

    /** The page whose {@link #key()} is {@code key}, in any case: how {@code groundwork snapshot --page} picks one. */
    public static Optional<Page> byKey(String key) {
        return Arrays.stream(values()).filter(page -> page.key().equals(key.toLowerCase(Locale.ROOT))).findFirst();
    }
}
