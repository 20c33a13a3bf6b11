package dev.groundwork.views.review.diff;

import java.util.Optional;
import javafx.scene.Node;
import org.fxmisc.richtext.CodeArea;

/**
 * Where a code area is scrolled to, by paragraph rather than by its estimated pixel offset: its top paragraph, and how
 * many pixels that paragraph's top lies below the viewport's (less than zero when it is partly scrolled out; measured
 * at the row's line number, so a constant apart from the row's own top, the same on both sides of a diff).
 * <p>
 * RichTextFX's estimated offsets settle over several layout passes, and drop to zero for a moment whenever paragraphs
 * are replaced (a restyle replaces them all); the area's own scroll bar then pushes that zero back as a scroll to the
 * top. A paragraph and an offset within it are exact from the first layout on.
 */
record ScrollPosition(int paragraph, long offset) {

    /**
     * Empty while the area has no size, no rows laid out, or no line numbers. The top row's offset is read off its line
     * number (the paragraph graphic), which is where the row is: RichTextFX's paragraph bounds are clipped to the
     * viewport, so a row scrolled partly out would seem to start at the top. Scene coordinates, so that a scene
     * rendered without a window (a snapshot) is measured too.
     */
    static Optional<ScrollPosition> of(CodeArea area) {
        if (area.getHeight() <= 0 || area.getVisibleParagraphs().isEmpty() || area.getScene() == null) {
            return Optional.empty();
        }
        int paragraph = area.firstVisibleParToAllParIndex();
        Node graphic = area.getParagraphGraphic(paragraph);
        if (graphic == null) {
            return Optional.empty();
        }
        double top = graphic.localToScene(graphic.getBoundsInLocal()).getMinY();
        return Optional.of(new ScrollPosition(paragraph, Math.round(top - area.localToScene(area.getLayoutBounds()).getMinY())));
    }

    /** Scrolls {@code area} here and lays it out at once, so that the next frame draws it here. */
    void show(CodeArea area) {
        showAtTop(area, paragraph);
        of(area).ifPresent(shown -> {
            if (shown.offset() != offset) {
                area.scrollYBy(shown.offset() - offset);
                area.layout();
            }
        });
    }

    /** Scrolls {@code paragraph} of {@code area} to its top and lays it out at once. */
    static void showAtTop(CodeArea area, int paragraph) {
        area.showParagraphAtTop(paragraph);
        area.layout();
    }
}
