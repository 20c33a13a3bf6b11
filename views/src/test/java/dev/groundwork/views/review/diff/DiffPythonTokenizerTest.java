package dev.groundwork.views.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** The Python tokenizer and the style spans made of its tokens. */
class DiffPythonTokenizerTest {

    @Test
    void findsKeywordsDefinitionsNumbersCommentsAndDecorators() {
        String source = """
                @torch.no_grad()
                def evaluate(model, steps=10):  # no grad
                    return None if steps else 1.5e-3
                class Net(nn.Module): pass
                x = a @ b
                """;

        assertThat(tokens(source)).containsExactly(
                "DECORATOR @torch.no_grad",
                "KEYWORD def", "DEFINITION evaluate", "NUMBER 10", "COMMENT # no grad",
                "KEYWORD return", "KEYWORD None", "KEYWORD if", "KEYWORD else", "NUMBER 1.5e-3",
                "KEYWORD class", "DEFINITION Net", "KEYWORD pass");
    }

    @Test
    void stringsIncludingPrefixesEscapesAndTripleQuotesAcrossLines() {
        String source = """
                a = f"x={x}" + rb'\\'' + 'it\\'s'
                doc = \"\"\"first
                # not a comment
                last\"\"\"
                b = 0x1F
                """;

        assertThat(tokens(source)).containsExactly(
                "STRING f\"x={x}\"", "STRING rb'\\''", "STRING 'it\\'s'",
                "STRING \"\"\"first\n# not a comment\nlast\"\"\"",
                "NUMBER 0x1F");
    }

    @Test
    void anUnterminatedStringEndsAtItsLineAndATripleQuoteAtTheEnd() {
        assertThat(tokens("s = 'open\nx = 1\n")).containsExactly("STRING 'open", "NUMBER 1");
        assertThat(tokens("s = '''open\nx = 1\n")).containsExactly("STRING '''open\nx = 1\n");
    }

    @Test
    void namesThatStartLikeKeywordsOrPrefixesAreNotThem() {
        assertThat(tokens("define = format + bytes + r + classes")).isEmpty();
    }

    @Test
    void spansCoverTheWholeTextWithOneSyntaxClassPerToken() {
        String source = "def f():\n    return 'x'  # done\n";

        StyleSpans<Collection<String>> spans = new PythonHighlighter().highlight(source);

        assertThat(spans.length()).isEqualTo(source.length());
        assertThat(spans.stream().map(StyleSpan::getStyle).filter(style -> !style.isEmpty()).toList()).containsExactly(
                List.of("syntax-keyword"), List.of("syntax-definition"), List.of("syntax-keyword"),
                List.of("syntax-string"), List.of("syntax-comment"));
        assertThat(new PythonHighlighter().highlight("").length()).isZero();
    }

    @Test
    void onlyPythonFilesAreHighlighted() {
        assertThat(SyntaxHighlighter.forPath("src/train.py")).isPresent();
        assertThat(SyntaxHighlighter.forPath("stubs/x.PYI")).isPresent();
        assertThat(SyntaxHighlighter.forPath("README.md")).isEmpty();
        assertThat(SyntaxHighlighter.forPath("groundwork.yaml")).isEmpty();
    }

    private static List<String> tokens(String source) {
        return PythonTokenizer.tokens(source).stream()
                .map(token -> token.kind() + " " + source.substring(token.start(), token.end()))
                .toList();
    }
}
