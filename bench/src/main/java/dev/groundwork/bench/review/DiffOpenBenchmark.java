package dev.groundwork.bench.review;

import dev.groundwork.views.common.Theme;
import dev.groundwork.views.common.UiThread;
import dev.groundwork.views.review.diff.SideBySide;
import dev.groundwork.views.review.diff.SideBySideDiffView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Scene;
import org.fxmisc.richtext.CodeArea;

/**
 * What opening a file's review costs, as the Review page does it: the side-by-side rows computed on a worker thread
 * ({@link SideBySide#of}), then on the FX thread the view built, styled, laid out and painted for the first time
 * (a snapshot of a 1000×800 scene: the software pipeline's full paint). Measured for a 5,000-line Python file with
 * about 140 hunks against the same for a 500-line file and the rows alone, in alternating rounds; then a 10,000-line
 * file opened, scrolled a screen at a time, walked hunk by hunk, and typed into, one painted frame each.
 * Needs a started JavaFX toolkit; call it from any thread but the FX thread.
 */
public final class DiffOpenBenchmark {

    public static final int LINES = 5_000;
    public static final int BASELINE_LINES = 500;
    public static final int LARGE_LINES = 10_000;
    private static final int CHANGE_EVERY = 5;
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 800;
    private static final int SCREEN_ROWS = 40;
    private static final double WHEEL_NOTCH_PIXELS = 3 * 17.0; // three rows of the 13 px monospace font
    private static final Executor NOT_TIMED = job -> {}; // highlighting runs elsewhere after the first paint

    /** Median and 95th percentile of a series, in milliseconds. */
    public record Series(double median, double p95, int samples) {

        static Series of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int p95 = Math.max(0, (int) Math.ceil(sorted.length * 0.95) - 1);
            return new Series(sorted[sorted.length / 2] / 1e6, sorted[p95] / 1e6, sorted.length);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms", median, p95);
        }
    }

    /**
     * @param open         5,000 lines: rows, then view, CSS, layout and first paint — what the reviewer waits for
     * @param openFx       the FX thread's share of {@code open} (view, CSS, layout, paint)
     * @param paint        the first paint's share of {@code openFx}
     * @param rows         the rows alone (the model's share, on a worker thread)
     * @param baseline     the same opening of a 500-line file
     * @param colours      5,000 lines: the longest turn of the FX thread laying syntax colours over the sides, after
     *                     the first paint (tokenizing runs on a worker thread; the colours go on in chunks)
     * @param largeOpen    10,000 lines: the opening
     * @param largeColours 10,000 lines: the same, after opening and after each pause in typing
     * @param wheelFrame   10,000 lines: a wheel notch down (three rows), laid out and painted
     * @param scrollFrame  10,000 lines: one screen down, laid out and painted
     * @param hunkFrame    10,000 lines: the next hunk (j), laid out and painted
     * @param typingFrame  10,000 lines: one character typed on the right, laid out and painted
     */
    public record Result(int hunks, int largeHunks, Series open, Series openFx, Series paint, Series rows, Series baseline,
                         Series colours, Series largeOpen, Series largeColours, Series wheelFrame, Series scrollFrame,
                         Series hunkFrame, Series typingFrame) {

        /** How much longer the 5,000-line opening takes than the 500-line one. */
        public double ratioToBaseline() {
            return open.median() / baseline.median();
        }

        /** How much longer the whole opening takes than computing the rows alone. */
        public double ratioToRows() {
            return open.median() / rows.median();
        }

        public String describe() {
            return String.format(Locale.ROOT, """
                    review     open a %,d-line diff (%d hunks): %s (%d openings; target ≤ 300 ms)
                               FX thread's share (view, CSS, layout, first paint): %s, of which the paint %s
                               rows alone (worker thread): %s → whole opening %.1f× the rows
                               baseline: a %,d-line diff %s → %,d lines cost %.1f× as much for 10× the lines
                               syntax colours laid over afterwards, longest FX-thread turn: %s
                    10,000     open a %,d-line diff (%d hunks): %s; colours' longest FX-thread turn: %s
                               frames, each laid out and painted: a wheel notch down %s; a screen down %s;
                               the next hunk %s; a typed character %s""",
                    LINES, hunks, open, open.samples(), openFx, paint, rows, ratioToRows(), BASELINE_LINES, baseline,
                    LINES, ratioToBaseline(), colours, LARGE_LINES, largeHunks, largeOpen, largeColours, wheelFrame,
                    scrollFrame, hunkFrame, typingFrame);
        }
    }

    private final UiThread fxThread;

    private DiffOpenBenchmark(UiThread fxThread) {
        this.fxThread = fxThread;
    }

    /**
     * @param openings openings of each kind measured (after as many again to warm up); frames are measured 2× as often
     */
    public static Result run(UiThread fxThread, int openings) {
        if (openings < 1) {
            throw new IllegalArgumentException("Measure at least one opening.");
        }
        return new DiffOpenBenchmark(fxThread).measure(openings);
    }

    private Result measure(int openings) {
        Pair medium = Pair.of(LINES);
        Pair small = Pair.of(BASELINE_LINES);
        Pair large = Pair.of(LARGE_LINES);
        long[][] warmUp = new long[6][openings];
        long[][] series = new long[6][openings];
        for (long[][] target : List.of(warmUp, series)) {
            // Alternating rounds, so that a noisy neighbour slows every series alike.
            for (int i = 0; i < openings; i++) {
                Opening opened = open(medium);
                target[0][i] = opened.rows() + opened.fx();
                target[1][i] = opened.fx();
                target[2][i] = opened.paint();
                target[3][i] = opened.rows();
                target[4][i] = opened.colours();
                Opening baseline = open(small);
                target[5][i] = baseline.rows() + baseline.fx();
            }
        }
        long[] largeOpen = new long[openings];
        long[] largeColours = new long[openings];
        for (int i = 0; i < openings; i++) {
            Opening opened = open(large);
            largeOpen[i] = opened.rows() + opened.fx();
            largeColours[i] = opened.colours();
        }
        long[][] frames = onFx(() -> frames(large, 2 * openings));
        return new Result(hunks(medium), hunks(large), Series.of(series[0]), Series.of(series[1]), Series.of(series[2]),
                Series.of(series[3]), Series.of(series[5]), Series.of(series[4]), Series.of(largeOpen),
                Series.of(largeColours), Series.of(frames[3]), Series.of(frames[0]), Series.of(frames[1]),
                Series.of(frames[2]));
    }

    /**
     * Nanoseconds of one opening's parts.
     *
     * @param colours the longest turn of the FX thread that laid syntax colours over the sides
     */
    private record Opening(long rows, long fx, long paint, long colours) {}

    /**
     * One opening as the page does it: rows on this (worker) thread, then the view to its first paint on the FX
     * thread; then the syntax colours, tokenized on this thread and laid over both sides on the FX thread.
     */
    private Opening open(Pair pair) {
        System.gc(); // the openings before this one left garbage a reviewer's single opening would not find
        List<Runnable> tokenizing = new ArrayList<>();
        Queue<Runnable> colouring = new ArrayDeque<>();
        long start = System.nanoTime();
        SideBySide diff = SideBySide.of(pair.path(), pair.before(), pair.after());
        long rows = System.nanoTime() - start;
        long[] fx = onFx(() -> {
            long begin = System.nanoTime();
            Scene scene = scene(new SideBySideDiffView(diff, tokenizing::add, colouring::add));
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            long laidOut = System.nanoTime();
            scene.snapshot(null);
            long painted = System.nanoTime();
            return new long[] {painted - begin, painted - laidOut};
        });
        tokenizing.forEach(Runnable::run);
        // The colours arrive in chunks, each a turn of the FX thread that posts the next: the longest turn is what a
        // reviewer could feel.
        long colours = onFx(() -> {
            long longest = 0;
            while (!colouring.isEmpty()) {
                longest = Math.max(longest, time(colouring.remove()));
            }
            return longest;
        });
        return new Opening(rows, fx[0], fx[1], colours);
    }

    /** On the FX thread, in one opened view: {screen down, next hunk, typed character} frames. */
    private static long[][] frames(Pair pair, int count) {
        SideBySideDiffView view = new SideBySideDiffView(SideBySide.of(pair.path(), pair.before(), pair.after()),
                NOT_TIMED, Runnable::run);
        Scene scene = scene(view);
        paint(scene);
        CodeArea right = view.rightEditor();
        long[][] frames = new long[4][count];
        int paragraphs = right.getParagraphs().size();
        right.showParagraphAtTop(paragraphs / 2);
        paint(scene);
        for (int i = 0; i < count; i++) {
            frames[3][i] = time(() -> {
                right.scrollYBy(WHEEL_NOTCH_PIXELS);
                paint(scene);
            });
        }
        for (int i = 0; i < count; i++) {
            int top = (i * SCREEN_ROWS) % (paragraphs - SCREEN_ROWS);
            frames[0][i] = time(() -> {
                right.showParagraphAtTop(top);
                paint(scene);
            });
        }
        right.showParagraphAtTop(0);
        right.moveTo(0);
        for (int i = 0; i < count; i++) {
            frames[1][i] = time(() -> {
                view.nextHunk();
                paint(scene);
            });
        }
        int paragraph = right.getCurrentParagraph();
        right.moveTo(paragraph, 0);
        for (int i = 0; i < count; i++) {
            frames[2][i] = time(() -> {
                right.insertText(right.getCaretPosition(), "x");
                paint(scene);
            });
        }
        return frames;
    }

    private static Scene scene(SideBySideDiffView view) {
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        return scene;
    }

    /** CSS, layout and a full paint of the scene (the headless platform renders only on request). */
    private static void paint(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        scene.snapshot(null);
    }

    private static int hunks(Pair pair) {
        return SideBySide.of(pair.path(), pair.before(), pair.after()).hunkStarts().size();
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private <T> T onFx(Supplier<T> work) {
        return fxThread.call(work);
    }

    /** A Python file and an LLM-style revision of it. */
    private record Pair(String path, String before, String after) {
        static Pair of(int lines) {
            return new Pair("bench.py", SyntheticPython.source(lines), SyntheticPython.revised(lines, CHANGE_EVERY));
        }
    }
}
