package dev.groundwork.views.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;

/**
 * A page's first styling and layout spread over frames: its sections added one step per frame, in order, while the
 * page is in a window on screen, starting the frame after the page itself is first shown. The Analytics page coming in
 * whole (two tables, a chart, a row of controls, each node styled and laid out for the first time) held the FX thread
 * 400 ms in one go; a step at a time, it fills top to bottom and the longest frame is one section's own first layout
 * (docs/performance.md).
 * A page in a scene no window shows (the {@code snapshot} command, which has no frames) takes every step at once; a
 * page not in a scene waits.
 */
public final class FirstFrames {

    private final Node page;
    /** Steps not taken yet; a step that is not finished goes to the back, so that two tables take turns. */
    private final Deque<BooleanSupplier> steps = new ArrayDeque<>();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!shown) {
                // The frame that shows the page styles and lays out the page itself: a step taken in it as well held
                // the FX thread twice as long.
                shown = true;
                lastStep = now;
            } else if (now - lastStep >= GAP_NANOS) {
                lastStep = now;
                step();
            }
        }
    };
    /**
     * Time between steps: a step's frame can take the FX thread longer than a frame's 16 ms, and the software renderer
     * 20-50 ms to paint; a step sooner than that waited for the paint before it. At 50 ms a step still met the paint
     * of the one before now and then (the longest wait opening Analytics up to 62 ms); at 80 ms, not in eight rounds
     * (docs/performance-history.md). The page fills in about 0.7 s instead of 0.5 s.
     */
    private static final long GAP_NANOS = 80_000_000;
    private long lastStep;
    /** Whether the frames run, and whether one has shown the page since they started. */
    private boolean running;
    private boolean shown;

    /** Steps for {@code page}, taken while it is on screen. */
    public FirstFrames(Node page) {
        this.page = page;
        page.getProperties().put(FirstFrames.class, this);
        page.sceneProperty().addListener((o, old, scene) -> placed());
    }

    /** Adds {@code section} to {@code pane}, after what it holds, in a frame of its own. */
    public void add(Pane pane, Node section) {
        add(pane, List.of(section));
    }

    /** Adds these {@code nodes} to {@code pane}, after what it holds, together in a frame of their own. */
    public void add(Pane pane, List<? extends Node> nodes) {
        then(() -> {
            pane.getChildren().addAll(nodes);
            nodes.forEach(this::styleNow);
            return true;
        });
    }

    /**
     * Styles a node just added, before the frame's own CSS pass rather than in it. A control styled for the first time
     * makes its skin, whose parts, added while the pass is under way, mark every ancestor up to the scene's root as
     * still to be styled; the frame then ends with the root marked dirty, and the next frame, with nothing changed in
     * it, had the renderer paint the whole window (20-46 ms of the software renderer's, once per section;
     * docs/performance-history.md). Styled here, the skins' parts are styled with it, and the frame's pass clears the
     * marks. Where no frames come (a snapshot), the page is styled whole when it is drawn, as before.
     */
    public void styleNow(Node node) {
        if (onScreen()) {
            node.applyCss();
        }
    }

    /** Queues a step: called once a frame until it returns true, taking turns with the other unfinished steps. */
    public void then(BooleanSupplier step) {
        steps.add(step);
        placed();
    }

    /** Whether the page is where frames come: in a window on screen. */
    public boolean onScreen() {
        return onScreen(page);
    }

    /** Whether {@code node} is where frames come: in a window on screen. */
    public static boolean onScreen(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }

    /** Whether every step has been taken. */
    public boolean done() {
        return steps.isEmpty();
    }

    /** Whether every page under {@code root} has taken all its first frames' steps (tests wait for it). */
    public static boolean settled(Node root) {
        if (root.getProperties().get(FirstFrames.class) instanceof FirstFrames frames && !frames.done()) {
            return false;
        }
        return !(root instanceof Parent parent) || parent.getChildrenUnmodifiable().stream().allMatch(FirstFrames::settled);
    }

    private void placed() {
        if (done()) {
            stop();
        } else if (onScreen()) {
            if (!running) {
                shown = false;
                running = true;
                frames.start();
            }
        } else if (page.getScene() != null) {
            while (!done()) { // no frames will come
                step();
            }
        } else {
            stop();
        }
    }

    private void stop() {
        running = false;
        frames.stop();
    }

    private void step() {
        BooleanSupplier next = steps.poll();
        if (next != null && !next.getAsBoolean()) {
            steps.add(next);
        }
        if (done()) {
            stop();
        }
    }
}
