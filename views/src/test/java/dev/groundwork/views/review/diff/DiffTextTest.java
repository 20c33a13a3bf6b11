package dev.groundwork.views.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Splitting files into lines and word-level intra-line changes. */
class DiffTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\r\nb", "a\r\nb\n", "a\rb\n", "\tx\n\n\n", "a\r\nb\r"})
    void filesComeBackByteForByte(String text) {
        FileText file = FileText.parse(text);
        assertThat(file.join(file.lines())).isEqualTo(text);
    }

    @Test
    void linesLoseTheirTerminators() {
        FileText crlf = FileText.parse("a\r\nb\r\n");
        assertThat(crlf.lines()).containsExactly("a", "b");
        assertThat(crlf.separator()).isEqualTo("\r\n");
        assertThat(crlf.endsWithNewline()).isTrue();

        FileText mixed = FileText.parse("a\r\nb\n");
        assertThat(mixed.lines()).as("mixed endings keep their CR in the line").containsExactly("a\r", "b");
        assertThat(mixed.separator()).isEqualTo("\n");

        assertThat(FileText.parse("a\nb").endsWithNewline()).isFalse();
        assertThat(FileText.parse("").lines()).isEmpty();
        assertThat(FileText.parse("\n").lines()).containsExactly("");
    }

    @Test
    void editedLinesAreWrittenWithTheFilesSeparatorAndFinalNewline() {
        assertThat(FileText.parse("a\r\nb\r\n").join(List.of("a", "b", "c"))).isEqualTo("a\r\nb\r\nc\r\n");
        assertThat(FileText.parse("a\nb").join(List.of("a", "c"))).isEqualTo("a\nc");
        assertThat(FileText.parse("a\n").join(List.of())).isEmpty();
    }

    @Test
    void inlineChangesMarkWholeWords() {
        InlineDiff inline = InlineDiff.of("    lr = cfg.lr * 0.5", "    lr = cfg.learning_rate * 0.25");

        assertThat(inline.left()).containsExactly(new TextRange(13, 15), new TextRange(20, 21));
        assertThat(inline.right()).containsExactly(new TextRange(13, 26), new TextRange(31, 33));
    }

    @Test
    void changesOnlySpacesApartMergeIntoOneRange() {
        InlineDiff inline = InlineDiff.of("return a + b", "return c - d");

        assertThat(inline.left()).containsExactly(new TextRange(7, 12));
        assertThat(inline.right()).containsExactly(new TextRange(7, 12));
    }

    @Test
    void anInsertionMarksOnlyTheSideThatHasIt() {
        InlineDiff inline = InlineDiff.of("f(x)", "f(x, y)");

        assertThat(inline.left()).isEmpty();
        assertThat(inline.right()).containsExactly(new TextRange(3, 6));
        assertThat(InlineDiff.of("same", "same").right()).isEmpty();
    }

    @Test
    void linesThatShareLittleGetNoMarks() {
        InlineDiff inline = InlineDiff.of("    return cfg.lr", "    if step < cfg.warmup:");

        assertThat(inline.left()).isEmpty();
        assertThat(inline.right()).isEmpty();
    }

    @Test
    void wordsAreRunsOfNameCharactersOrSpaceAndSinglePunctuation() {
        assertThat(InlineDiff.words("a_1  (b.c)")).containsExactly("a_1", "  ", "(", "b", ".", "c", ")");
    }
}
