package dev.groundwork.views.review.diff;

import javafx.scene.input.MouseEvent;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.value.Var;

/**
 * Keeps two code areas scrolled alike, vertically and horizontally. Only one side leads, the one last pointed at or
 * focused: the offsets are estimates that settle over a few layout passes, and two sides copying each other bounce.
 */
final class ScrollSync {

    private CodeArea leader;

    private ScrollSync(CodeArea first) {
        leader = first;
    }

    /** Starts with {@code first} leading. */
    static ScrollSync between(CodeArea first, CodeArea second) {
        ScrollSync sync = new ScrollSync(first);
        sync.follow(first, second);
        sync.follow(second, first);
        return sync;
    }

    /** Makes {@code area} lead, e.g. before scrolling it from code. */
    void lead(CodeArea area) {
        leader = area;
    }

    private void follow(CodeArea from, CodeArea to) {
        from.addEventFilter(MouseEvent.MOUSE_ENTERED, event -> leader = from);
        from.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                leader = from;
            }
        });
        copy(from, from.estimatedScrollYProperty(), to.estimatedScrollYProperty());
        copy(from, from.estimatedScrollXProperty(), to.estimatedScrollXProperty());
    }

    private void copy(CodeArea from, Var<Double> source, Var<Double> target) {
        source.addListener((o, old, offset) -> {
            if (leader == from) {
                target.setValue(offset);
            }
        });
    }
}
