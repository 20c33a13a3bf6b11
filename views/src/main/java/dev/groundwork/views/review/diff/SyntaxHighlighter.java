package dev.groundwork.views.review.diff;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.fxmisc.richtext.model.StyleSpans;

/** Colours source text as style classes named {@value #STYLE_PREFIX}*; touches no nodes, so it runs on any thread. */
@FunctionalInterface
public interface SyntaxHighlighter {

    String STYLE_PREFIX = "syntax-";

    /** Spans covering all of {@code text}. */
    StyleSpans<Collection<String>> highlight(String text);

    /** The highlighter for a file's language; none for languages without one, whose text stays plain. */
    static Optional<SyntaxHighlighter> forPath(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".py") || name.endsWith(".pyi") ? Optional.of(new PythonHighlighter()) : Optional.empty();
    }
}
