package dev.groundwork.views.review.diff;

import dev.groundwork.views.common.Theme;
import dev.groundwork.views.common.UiThread;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.scene.Scene;

/**
 * What opening a file's review costs: computing the side-by-side rows, building the view and laying it out for the
 * first time, all on the FX thread (a 5,000-line Python file with about 140 hunks, in a 1000×800 scene), and tokenizing
 * a 10,000-line file for highlighting, which runs off the FX thread. Needs a started JavaFX toolkit; call it from any
 * thread but the FX thread.
 */
public final class DiffOpenBenchmark {

    private static final int OPEN_LINES = 5_000;
    private static final int TOKENIZE_LINES = 10_000;
    private static final int CHANGE_EVERY = 5;
    private static final int WARM_UP = 5;
    private static final int MEASURED = 11;

    /**
     * Median wall-clock milliseconds.
     *
     * @param open            rows + view + first layout, highlighting left to its executor (as in the app)
     * @param openHighlighted the same with highlighting done on the FX thread as well: what the executor saves it
     * @param tokenize        {@link PythonHighlighter} over the 10,000-line file: tokens and style spans
     */
    public record Result(int openLines, int openHunks, double open, double openHighlighted, int tokenizeLines,
                         double tokenize) {

        public String describe() {
            return String.format(Locale.ROOT, """
                    open a %d-line diff (%d hunks): median %.1f ms (rows, view, first layout; highlighting off the FX thread)
                      with highlighting on the FX thread too: %.1f ms
                    tokenize a %d-line Python file: median %.1f ms""",
                    openLines, openHunks, open, openHighlighted, tokenizeLines, tokenize);
        }
    }

    private DiffOpenBenchmark() {}

    public static Result run(UiThread fxThread) {
        String before = SyntheticPython.source(OPEN_LINES);
        String after = SyntheticPython.revised(OPEN_LINES, CHANGE_EVERY);
        Executor elsewhere = job -> {}; // highlighting would run on another thread after the first layout: not timed
        LongSupplier open = () -> onFx(fxThread, () -> open(before, after, elsewhere, Runnable::run));
        LongSupplier openHighlighted = () -> onFx(fxThread, () -> open(before, after, Runnable::run, Runnable::run));
        String big = SyntheticPython.source(TOKENIZE_LINES);
        PythonHighlighter highlighter = new PythonHighlighter();
        LongSupplier tokenize = () -> {
            long start = System.nanoTime();
            highlighter.highlight(big);
            return System.nanoTime() - start;
        };
        // Warm every path up before measuring any, so that the first series does not pay for the shared code's JIT.
        for (int i = 0; i < WARM_UP; i++) {
            open.getAsLong();
            openHighlighted.getAsLong();
            tokenize.getAsLong();
        }
        int hunks = SideBySide.of("bench.py", before, after).hunkStarts().size();
        return new Result(OPEN_LINES, hunks, median(open), median(openHighlighted), TOKENIZE_LINES, median(tokenize));
    }

    /** Nanoseconds from the text to a laid-out view. */
    private static long open(String before, String after, Executor highlighting, UiThread uiThread) {
        long start = System.nanoTime();
        SideBySideDiffView view = new SideBySideDiffView(SideBySide.of("bench.py", before, after), highlighting, uiThread);
        Scene scene = new Scene(view.root(), 1000, 800);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return System.nanoTime() - start;
    }

    private static long onFx(UiThread fxThread, LongSupplier work) {
        CompletableFuture<Long> nanos = new CompletableFuture<>();
        fxThread.post(() -> {
            try {
                nanos.complete(work.getAsLong());
            } catch (RuntimeException e) {
                nanos.completeExceptionally(e);
            }
        });
        return nanos.join();
    }

    private static double median(LongSupplier nanos) {
        long[] samples = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            samples[i] = nanos.getAsLong();
        }
        Arrays.sort(samples);
        return samples[MEASURED / 2] / 1e6;
    }
}
