package dev.groundwork.views.review.diff;

import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.value.Var;

/**
 * Keeps two code areas showing the same rows, vertically and horizontally. Only one side leads, the one last pointed
 * at, scrolled or focused; the other follows.
 * <p>
 * Vertically the follower is aligned by paragraph ({@link ScrollPosition}), not by estimated pixel offsets, which
 * differ between two sides whose paragraphs have not all been laid out yet (a page built while hidden opened with its
 * sides rows apart): after every layout pass of the scene the follower shows the leader's top paragraph, shifted as
 * many pixels as the leader's, and is laid out again before the frame is drawn. Horizontal offsets are exact, so the
 * follower copies the leader's.
 */
final class ScrollSync {

    private final CodeArea first;
    private final CodeArea second;
    private final Runnable afterLayout = this::align;
    private CodeArea leader;
    private Scene scene;
    /** A paragraph the leader was asked to show at its top, shown again once it has been laid out; -1 when none. */
    private int pendingTop = -1;
    /** The positions of the last alignment, so that one the follower cannot reach (after edits) is tried only once. */
    private ScrollPosition alignedTo;
    private ScrollPosition alignedAs;

    private ScrollSync(CodeArea first, CodeArea second) {
        this.first = first;
        this.second = second;
        this.leader = first;
    }

    /** Starts with {@code first} leading. */
    static ScrollSync between(VirtualizedScrollPane<CodeArea> first, VirtualizedScrollPane<CodeArea> second) {
        ScrollSync sync = new ScrollSync(first.getContent(), second.getContent());
        sync.follow(first, second.getContent());
        sync.follow(second, first.getContent());
        sync.first.sceneProperty().addListener((property, old, now) -> sync.attach(now));
        sync.attach(sync.first.getScene());
        return sync;
    }

    /**
     * Makes {@code side} lead and shows {@code paragraph} at its top: now, and again after its next layout, since a
     * side built while hidden or not yet laid out ignores or loses a scroll.
     */
    void showAtTop(CodeArea side, int paragraph) {
        leader = side;
        pendingTop = paragraph;
        side.showParagraphAtTop(paragraph);
    }

    private void follow(VirtualizedScrollPane<CodeArea> pane, CodeArea other) {
        CodeArea area = pane.getContent();
        // The pane, not only the area: its scroll bars lead too.
        pane.addEventFilter(MouseEvent.MOUSE_ENTERED, event -> leader = area);
        pane.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> leader = area);
        pane.addEventFilter(ScrollEvent.SCROLL, event -> leader = area);
        area.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                leader = area;
            }
        });
        copy(area, area.estimatedScrollXProperty(), other.estimatedScrollXProperty());
    }

    private void copy(CodeArea from, Var<Double> source, Var<Double> target) {
        source.addListener((o, old, offset) -> {
            if (leader == from) {
                target.setValue(offset);
            }
        });
    }

    private void attach(Scene now) {
        if (scene != null) {
            scene.removePostLayoutPulseListener(afterLayout);
        }
        scene = now;
        if (scene != null) {
            scene.addPostLayoutPulseListener(afterLayout);
        }
    }

    /**
     * Shows a pending paragraph at the leader's top, then the leader's position on the follower; both are laid out
     * again at once. Runs after every layout pass of a window's scene, and when the sides are laid out.
     */
    void align() {
        CodeArea follower = leader == first ? second : first;
        if (pendingTop >= 0 && ScrollPosition.of(leader).isPresent()) {
            ScrollPosition.showAtTop(leader, pendingTop);
            pendingTop = -1;
        }
        Optional<ScrollPosition> lead = ScrollPosition.of(leader);
        Optional<ScrollPosition> follows = ScrollPosition.of(follower);
        if (lead.isEmpty() || follows.isEmpty() || lead.get().equals(follows.get())
                || lead.get().equals(alignedTo) && follows.get().equals(alignedAs)) {
            return;
        }
        lead.get().show(follower);
        alignedTo = lead.get();
        alignedAs = ScrollPosition.of(follower).orElse(null);
    }
}
