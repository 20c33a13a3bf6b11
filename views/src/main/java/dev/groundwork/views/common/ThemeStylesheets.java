package dev.groundwork.views.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;

/** Puts a theme's stylesheets on a node: on the window's root they reach every page, and dialogs get them too. */
public final class ThemeStylesheets {

    private ThemeStylesheets() {}

    /** Keeps {@code node}'s stylesheets on the current theme. */
    public static void bind(Parent node, ObservableValue<Theme> theme) {
        apply(node, theme.getValue());
        theme.addListener((o, old, now) -> apply(node, now));
    }

    /** For short-lived windows (dialogs), which cannot outlive a theme change. */
    public static void apply(Parent node, Theme theme) {
        node.getStylesheets().setAll(theme.stylesheets());
    }
}
