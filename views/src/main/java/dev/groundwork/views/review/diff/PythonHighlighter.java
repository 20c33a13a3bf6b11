package dev.groundwork.views.review.diff;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** {@link PythonTokenizer}'s tokens as style classes: syntax-keyword, syntax-string, syntax-comment, and so on. */
public final class PythonHighlighter implements SyntaxHighlighter {

    private static final Map<PythonTokenizer.Kind, List<String>> CLASSES = new EnumMap<>(PythonTokenizer.Kind.class);

    static {
        for (PythonTokenizer.Kind kind : PythonTokenizer.Kind.values()) {
            CLASSES.put(kind, List.of(STYLE_PREFIX + kind.name().toLowerCase(Locale.ROOT)));
        }
    }

    @Override
    public StyleSpans<Collection<String>> highlight(String text) {
        List<PythonTokenizer.Token> tokens = PythonTokenizer.tokens(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>(2 * tokens.size() + 1);
        int at = 0;
        for (PythonTokenizer.Token token : tokens) {
            if (token.start() > at) {
                spans.add(List.of(), token.start() - at);
            }
            spans.add(CLASSES.get(token.kind()), token.end() - token.start());
            at = token.end();
        }
        if (at < text.length() || tokens.isEmpty()) {
            spans.add(List.of(), text.length() - at);
        }
        return spans.create();
    }
}
