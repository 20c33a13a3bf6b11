package dev.groundwork.views.shell;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;

/**
 * Where the keyboard focus goes when a page is shown: into the page, so that its keys work without a click (they are
 * handled on the page's root, which sees no key while the focus is on the sidebar or on a page no longer shown). The
 * page's first table or list that shows takes it, so the arrow keys move through it; a page without one takes it itself.
 */
final class PageFocus {

    private PageFocus() {}

    static void into(Parent page) {
        if (page.getScene() == null) {
            return;
        }
        firstList(page).orElse(page).requestFocus();
    }

    private static Optional<Node> firstList(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (node instanceof TableView<?> || node instanceof ListView<?>) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = firstList(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
