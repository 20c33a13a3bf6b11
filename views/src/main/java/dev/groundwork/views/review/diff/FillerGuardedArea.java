package dev.groundwork.views.review.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.IndexRange;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.fxmisc.richtext.model.StyledDocument;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * The editable right side. Its filler paragraphs (styled {@value DiffStyles#FILLER}) cannot be edited: an edit that
 * would type into, delete or merge a filler is refused. Fillers therefore stay empty and in place, the other
 * paragraphs are exactly the file's lines, and {@link #realLines()} needs no bookkeeping that could drift from the text.
 * Edits inside real lines, including Enter, which splits a line into two real ones, work as usual, and so does undo,
 * which only ever reverts such edits.
 */
final class FillerGuardedArea extends CodeArea {

    private long revision;
    private long numberedRevision = -1;
    private int[] lineOfParagraph = new int[0];

    FillerGuardedArea(ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document) {
        super(new SimpleEditableStyledDocument<>(document));
        multiPlainChanges().subscribe(changes -> revision++);
        // Dragging a selection moves it through a multi-change that bypasses replace(); check it here instead.
        setOnSelectionDropped(event -> {
            int target = hit(event.getX(), event.getY()).getInsertionIndex();
            IndexRange selection = getSelection();
            if (touchesNoFiller(selection.getStart(), selection.getEnd()) && touchesNoFiller(target, target)) {
                moveSelectedText(target);
            }
        });
    }

    /** Every edit (typing, deleting, pasting, cutting) arrives here. */
    @Override
    public void replace(int start, int end, StyledDocument<Collection<String>, String, Collection<String>> replacement) {
        if (touchesNoFiller(start, end)) {
            super.replace(start, end, replacement);
        }
    }

    boolean isFiller(int paragraph) {
        return getParagraph(paragraph).getParagraphStyle().contains(DiffStyles.FILLER);
    }

    /** The file's lines as edited: every paragraph but the fillers. */
    List<String> realLines() {
        List<String> lines = new ArrayList<>(getParagraphs().size());
        for (int i = 0; i < getParagraphs().size(); i++) {
            if (!isFiller(i)) {
                lines.add(getParagraph(i).getText());
            }
        }
        return lines;
    }

    /** 1-based line of the file that {@code paragraph} shows, 0 for a filler. */
    int lineOf(int paragraph) {
        if (numberedRevision != revision || lineOfParagraph.length != getParagraphs().size()) {
            renumber();
        }
        return paragraph < lineOfParagraph.length ? lineOfParagraph[paragraph] : 0;
    }

    private void renumber() {
        lineOfParagraph = new int[getParagraphs().size()];
        int line = 0;
        for (int i = 0; i < lineOfParagraph.length; i++) {
            lineOfParagraph[i] = isFiller(i) ? 0 : ++line;
        }
        numberedRevision = revision;
    }

    /** An edit of {@code [start, end)} changes every paragraph from start's to end's, both included. */
    private boolean touchesNoFiller(int start, int end) {
        int last = offsetToPosition(end, Bias.Forward).getMajor();
        for (int paragraph = offsetToPosition(start, Bias.Forward).getMajor(); paragraph <= last; paragraph++) {
            if (isFiller(paragraph)) {
                return false;
            }
        }
        return true;
    }
}
