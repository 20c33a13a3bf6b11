package dev.groundwork.views.shell;

import dev.groundwork.views.common.FirstFrames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/**
 * Prepares the pages not shown yet that spread their first styling over frames ({@link FirstFrames}) while the window
 * rests: each in turn is put in the window hidden, behind the page shown, styled, and left there until its sections are
 * all in; it then waits there, hidden, until it is first shown.
 * Its skins, sections, first layout and first chart draws are then made before the researcher opens it, not in the
 * frames that show it: the first time in a JVM, a section's frame held the FX thread 37-68 ms, most of it code running
 * cold (docs/performance.md). Hidden, nothing of it is painted, so those frames leave the renderer idle. It waits in
 * the shell's own content pane: put back there from elsewhere when first shown, the page was styled again whole (8-15
 * ms of the frame's CSS pass; 16-21 from a pane of its own, since styles are cached by a node's parents). A page shown
 * meanwhile counts as prepared. A page styled whole at its first show (Review, Runs and Settings held the FX thread
 * 170-250 ms so on the 10,000-idea synthetic study) is left to it: prepared here, that would be one long freeze at a
 * moment the researcher did not choose.
 */
final class PagesAhead {

    /** Time from one page prepared to the next put in: a frame for anything the researcher asks in between. */
    private static final long GAP_NANOS = 100_000_000;

    private final StackPane content;
    private final Function<Page, Parent> roots;
    /** The pages styled once already: shown, or prepared (see {@link #show}). */
    private final Set<Page> styled = EnumSet.noneOf(Page.class);
    private final Deque<Page> waiting = new ArrayDeque<>();
    private final List<Runnable> then = new ArrayList<>();
    private Page preparing;
    private long lastPrepared;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            step(now);
        }
    };

    PagesAhead(StackPane content, Function<Page, Parent> roots) {
        this.content = content;
        this.roots = roots;
    }

    /**
     * Prepares the pages of {@code order} not styled nor shown yet whose first frames are still to take, one at a time,
     * then runs {@code done} (at once if none).
     */
    void prepare(List<Page> order, Runnable done) {
        if (!FirstFrames.onScreen(content)) {
            done.run(); // no frames come: the first show styles the page, as before
            return;
        }
        order.stream().filter(page -> !styled.contains(page) && !waiting.contains(page)).forEach(waiting::add);
        then.add(done);
        frames.start();
    }

    /**
     * Shows {@code page} in the content pane, where the page shown before goes. A page prepared ahead is shown where it
     * waits: its parent unchanged, it is neither styled nor laid out again (put back from elsewhere, a page is restyled
     * whole). One being prepared is shown as it is, its own frames taking the steps left; while another is shown, the
     * one being prepared is taken out (its steps stop) until the page shown has taken its own first frames, so that
     * two pages' steps do not fall in the same frame.
     * The first time a page is shown it is styled here rather than in the frame's CSS pass (FirstFrames.styleNow says
     * why): the skins it makes then left the root marked dirty, and the next frame, with nothing changed, had the
     * renderer paint the whole window again (42 ms of the software renderer's on Analytics). Only the first time:
     * styling a page at every switch restyled it whole each time (docs/performance.md).
     */
    void show(Page page) {
        Parent shown = roots.apply(page);
        content.getChildren().removeIf(child -> child != shown && child.isVisible());
        if (preparing == page) {
            preparing = null;
        } else if (preparing != null) {
            content.getChildren().remove(roots.apply(preparing));
        }
        if (shown.getParent() != content) {
            content.getChildren().add(shown);
        }
        shown.setManaged(true);
        shown.setVisible(true);
        if (content.getScene() != null && styled.add(page)) {
            shown.applyCss();
        }
    }

    private void step(long now) {
        if (preparing != null) {
            Parent page = roots.apply(preparing);
            if (page.getParent() == null && shownPageSettled()) {
                content.getChildren().addFirst(page); // the page shown meanwhile has taken its first frames
            }
            if (page.getParent() == null || !FirstFrames.settled(page)) {
                return;
            }
            // Left hidden where it is until it is shown, out of the layout meanwhile: a resized window does not lay
            // it out, and shown at the size it was laid out at, it is not laid out again.
            page.setManaged(false);
            preparing = null;
            lastPrepared = now;
        }
        if (now - lastPrepared < GAP_NANOS || !shownPageSettled()) {
            return; // a frame between pages, and none while the page shown takes its own first frames
        }
        Page next = nextToPrepare();
        if (next == null) {
            frames.stop();
            List<Runnable> done = List.copyOf(then);
            then.clear();
            done.forEach(Runnable::run);
            return;
        }
        Parent page = roots.apply(next);
        page.setVisible(false);
        content.getChildren().addFirst(page);
        styled.add(next);
        // Styled now rather than in the frame's CSS pass, as the shell does a page it shows the first time (its skins'
        // parts would leave the root marked to style); the frame's layout pass then lays it out.
        page.applyCss();
        preparing = next;
    }

    /** Whether the page shown has taken its first frames (the hidden ones, prepared, are not walked each frame). */
    private boolean shownPageSettled() {
        return content.getChildren().stream().filter(Node::isVisible).allMatch(FirstFrames::settled);
    }

    private Page nextToPrepare() {
        Page next = waiting.poll();
        while (next != null && (styled.contains(next) || roots.apply(next).getScene() != null
                || FirstFrames.settled(roots.apply(next)))) {
            next = waiting.poll();
        }
        return next;
    }
}
