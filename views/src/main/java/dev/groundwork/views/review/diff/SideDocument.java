package dev.groundwork.views.review.diff;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * One side of a diff as a code area's document, built in one go (setting thousands of paragraph styles one by one
 * would fire as many change events): a paragraph per row, the row's kind as its paragraph style class, fillers as
 * empty paragraphs styled {@value DiffStyles#FILLER}, intra-line changes styled {@value DiffStyles#INLINE}.
 */
final class SideDocument {

    private SideDocument() {}

    /** @param side picks the left or the right line of a row */
    static ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> of(List<DiffRow> rows,
            Function<DiffRow, DiffLine> side) {
        var document = new ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>>(
                SegmentOps.styledTextOps(), List.of(), Math.max(1, rows.size()));
        for (DiffRow row : rows) {
            DiffLine line = side.apply(row);
            List<String> paragraph = List.of(line.isFiller() ? DiffStyles.FILLER : DiffStyles.row(row.kind()));
            document.addParagraph(line.text(), spans(line), paragraph);
        }
        if (rows.isEmpty()) {
            // Two empty files: a code area always has a paragraph, and this one is a real (empty) line.
            document.addParagraph("", StyleSpans.singleton(DiffStyles.text(false), 0), List.of(DiffStyles.row(RowKind.SAME)));
        }
        return document.build();
    }

    private static StyleSpans<Collection<String>> spans(DiffLine line) {
        if (line.changes().isEmpty()) {
            return StyleSpans.singleton(DiffStyles.text(false), line.text().length());
        }
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = 0;
        for (TextRange change : line.changes()) {
            if (change.start() > at) {
                spans.add(DiffStyles.text(false), change.start() - at);
            }
            spans.add(DiffStyles.text(true), change.length());
            at = change.end();
        }
        if (at < line.text().length()) {
            spans.add(DiffStyles.text(false), line.text().length() - at);
        }
        return spans.create();
    }
}
