package dev.groundwork.views.review.diff;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.reactfx.EventStream;
import org.reactfx.value.Val;

/**
 * Line numbers for a code area's paragraphs, like RichTextFX's {@code LineNumberFactory} (same "lineno" label), but
 * numbering the file's lines rather than the paragraphs: fillers are paragraphs without a line, so they get none and
 * the lines below keep their file numbers.
 */
final class LineNumberGutter implements IntFunction<Node> {

    private final IntUnaryOperator lineOfParagraph;
    private final EventStream<?> renumbered;
    private final String format;

    /**
     * @param lineOfParagraph 1-based file line shown by a paragraph, 0 for a filler
     * @param renumbered      fires when the mapping may have changed (edits that add or remove lines)
     * @param lastLine        the largest number to make room for, so both sides' gutters are equally wide
     */
    LineNumberGutter(IntUnaryOperator lineOfParagraph, EventStream<?> renumbered, int lastLine) {
        this.lineOfParagraph = lineOfParagraph;
        this.renumbered = renumbered;
        this.format = "%" + String.valueOf(Math.max(lastLine, 99)).length() + "s";
    }

    @Override
    public Node apply(int paragraph) {
        Label label = new Label();
        label.getStyleClass().add("lineno");
        // Conditioned on showing so that a label scrolled out of view stops listening and can be collected.
        label.textProperty().bind(Val.create(() -> text(paragraph), renumbered).conditionOnShowing(label));
        return label;
    }

    private String text(int paragraph) {
        int line = lineOfParagraph.applyAsInt(paragraph);
        return String.format(format, line == 0 ? "" : String.valueOf(line));
    }
}
