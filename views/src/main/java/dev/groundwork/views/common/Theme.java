package dev.groundwork.views.common;

import java.net.URL;
import java.util.List;

/** The two looks: a shared stylesheet for layout plus one palette each. */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String palette;

    Theme(String palette) {
        this.palette = palette;
    }

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Stylesheet URLs to put on a root node or scene, layout first. */
    public List<String> stylesheets() {
        return List.of(url("groundwork.css"), url(palette));
    }

    private static String url(String file) {
        URL url = Theme.class.getResource("/groundwork/css/" + file);
        if (url == null) {
            throw new IllegalStateException("The stylesheet groundwork/css/" + file + " is missing from the classpath (groundwork-resources).");
        }
        return url.toExternalForm();
    }
}
