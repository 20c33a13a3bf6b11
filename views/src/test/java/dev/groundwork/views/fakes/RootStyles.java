package dev.groundwork.views.fakes;

import javafx.scene.Node;

/**
 * A node's CSS state, which JavaFX does not expose: read by tests only, to show that a frame leaves the window's root
 * with nothing still to style (left so, the next frame repaints the whole window).
 */
public final class RootStyles {

    private RootStyles() {
    }

    /** {@code CLEAN} when nothing under the node is still to be styled. */
    public static String flag(Node node) {
        try {
            java.lang.reflect.Field flag = Node.class.getDeclaredField("cssFlag");
            flag.setAccessible(true);
            return String.valueOf(flag.get(node));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("JavaFX's Node.cssFlag, read by this test, is not readable", e);
        }
    }
}
