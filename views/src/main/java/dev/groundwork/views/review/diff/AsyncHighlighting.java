package dev.groundwork.views.review.diff;

import dev.groundwork.views.common.UiThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a code area's syntax colours: the highlighter runs on the executor over a copy of the text, and the result is
 * laid over the area's own classes (the diff's intra-line marks) on the UI thread, unless the text changed meanwhile.
 * After edits it runs again once typing pauses. Until the first result arrives the text is plain.
 * <p>
 * The colours are laid over {@value #CHUNK_PARAGRAPHS} paragraphs at a time, each chunk a separate turn of the UI
 * thread: restyling a 10,000-line side at once blocks it for over 100 ms, which a reviewer scrolling or typing feels.
 */
final class AsyncHighlighting {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncHighlighting.class);
    private static final Duration TYPING_PAUSE = Duration.ofMillis(300);
    static final int CHUNK_PARAGRAPHS = 1_000;

    private final CodeArea area;
    private final SyntaxHighlighter highlighter;
    private final Executor executor;
    private final UiThread uiThread;
    private long revision;

    private AsyncHighlighting(CodeArea area, SyntaxHighlighter highlighter, Executor executor, UiThread uiThread) {
        this.area = area;
        this.highlighter = highlighter;
        this.executor = executor;
        this.uiThread = uiThread;
    }

    /** Starts colouring {@code area}; call on the UI thread. */
    static void attach(CodeArea area, SyntaxHighlighter highlighter, Executor executor, UiThread uiThread) {
        AsyncHighlighting highlighting = new AsyncHighlighting(area, highlighter, executor, uiThread);
        area.multiPlainChanges().subscribe(changes -> highlighting.revision++);
        area.multiPlainChanges().successionEnds(TYPING_PAUSE).subscribe(changes -> highlighting.run());
        highlighting.run();
    }

    private void run() {
        long at = revision;
        String text = area.getText();
        executor.execute(() -> {
            try {
                StyleSpans<Collection<String>> spans = highlighter.highlight(text);
                uiThread.post(() -> apply(at, spans, 0));
            } catch (RuntimeException e) {
                LOG.warn("Syntax highlighting failed; the text stays plain", e);
            }
        });
    }

    /** Lays the colours over the paragraphs from {@code first} on, a chunk now and the rest in later turns. */
    private void apply(long at, StyleSpans<Collection<String>> syntax, int first) {
        if (at != revision) {
            return; // computed for text that has since been edited; the run after the edit replaces it
        }
        int paragraphs = area.getParagraphs().size();
        int next = Math.min(first + CHUNK_PARAGRAPHS, paragraphs);
        int start = area.getAbsolutePosition(first, 0);
        int end = next == paragraphs ? area.getLength() : area.getAbsolutePosition(next, 0);
        // Restyling replaces the paragraphs, and the area's scroll bar turns that into a scroll to the top: stay put.
        Optional<ScrollPosition> shown = ScrollPosition.of(area);
        area.setStyleSpans(start, area.getStyleSpans(start, end).overlay(syntax.subView(start, end), AsyncHighlighting::merge));
        shown.ifPresent(position -> position.show(area));
        if (next < paragraphs) {
            uiThread.post(() -> apply(at, syntax, next));
        }
    }

    /** The area's own classes without its old syntax classes, plus the new ones. */
    private static Collection<String> merge(Collection<String> current, Collection<String> syntax) {
        List<String> merged = new ArrayList<>(current.size() + syntax.size());
        for (String styleClass : current) {
            if (!styleClass.startsWith(SyntaxHighlighter.STYLE_PREFIX)) {
                merged.add(styleClass);
            }
        }
        merged.addAll(syntax);
        return merged;
    }
}
