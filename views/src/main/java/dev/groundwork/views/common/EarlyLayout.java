package dev.groundwork.views.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * A part of a page laid out at the start of each frame, before the frame's CSS pass rather than after it, while the
 * page is in a scene. Some controls style what they make while they are laid out: a code area makes a paragraph cell
 * for each line that comes into view and styles it on the spot. Done in the frame's layout pass, after its CSS pass,
 * that leaves the window's root marked as still to style, and the next frame, with nothing changed in it, had the
 * software renderer paint the whole window (20-45 ms; docs/performance-history.md). Laid out here, at the size its
 * parent gave it last, the frame's own CSS pass clears the marks, and the layout pass finds the part already done.
 * A part whose layout is up to date costs a look at a flag.
 */
public final class EarlyLayout {

    private final Parent part;
    private final Runnable layOut;

    private EarlyLayout(Node page, Parent part) {
        this.part = part;
        this.layOut = this::layOut;
        page.sceneProperty().addListener((o, old, scene) -> moved(old, scene));
        moved(null, page.getScene());
    }

    /** Lays out {@code part} early in each frame while {@code page} is in a scene. */
    public static void of(Node page, Parent part) {
        new EarlyLayout(page, part);
    }

    private void moved(Scene from, Scene to) {
        if (from != null) {
            from.removePreLayoutPulseListener(layOut);
        }
        if (to != null) {
            to.addPreLayoutPulseListener(layOut);
        }
    }

    private void layOut() {
        if (part.getScene() != null) {
            part.layout();
        }
    }
}
