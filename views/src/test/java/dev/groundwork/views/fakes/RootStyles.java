package dev.groundwork.views.fakes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.testfx.util.WaitForAsyncUtils;

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

    /**
     * From now on, the root's state at the end of each of {@code scene}'s frames: {@code CLEAN}, or the state followed
     * by the nodes still to style (their paths), so that a failure says which control left them.
     */
    public static List<String> atEachFrameEnd(Scene scene) throws Exception {
        List<String> ends = Collections.synchronizedList(new ArrayList<>());
        WaitForAsyncUtils.asyncFx(() -> scene.addPostLayoutPulseListener(() -> ends.add(stillToStyle(scene.getRoot()))))
                .get(5, TimeUnit.SECONDS);
        return ends;
    }

    private static String stillToStyle(Node root) {
        String flag = flag(root);
        if (flag.equals("CLEAN")) {
            return flag;
        }
        StringBuilder found = new StringBuilder(flag);
        collect(root, found);
        return found.toString();
    }

    /** The nodes marked to style whose children are all styled (or that are marked to be styled whole). */
    private static void collect(Node node, StringBuilder found) {
        String flag = flag(node);
        if (flag.equals("CLEAN")) {
            return;
        }
        List<Node> children = node instanceof Parent parent ? parent.getChildrenUnmodifiable() : List.of();
        if (!flag.equals("DIRTY_BRANCH") || children.stream().allMatch(child -> flag(child).equals("CLEAN"))) {
            StringBuilder path = new StringBuilder();
            for (Node at = node; at != null; at = at.getParent()) {
                String name = at.getClass().getSimpleName().isEmpty() ? at.getClass().getName() : at.getClass().getSimpleName();
                path.insert(0, "/" + name + (at.getId() == null ? "" : "#" + at.getId()));
            }
            found.append(' ').append(flag).append(' ').append(path);
            return;
        }
        children.forEach(child -> collect(child, found));
    }
}
