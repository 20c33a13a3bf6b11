package dev.groundwork.views.review.diff;

import dev.groundwork.views.common.UiThread;
import java.net.URL;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane.ScrollBarPolicy;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.model.SimpleEditableStyledDocument;
import org.reactfx.EventStreams;

/**
 * A file's diff side by side: the old version on the left (read-only), the new one on the right (editable), row for
 * row. Both sides show a paragraph per row, so they have equally many paragraphs and scroll together; where one side
 * has no line it shows an empty hatched filler. On the right, fillers cannot be edited ({@link FillerGuardedArea}),
 * so {@link #rightText()} is the other paragraphs, joined with the file's own line separator.
 * <p>
 * The code areas virtualize their paragraphs, so a 10,000-line file costs a screenful of nodes. Rows and hunks refer
 * to the diff as opened; after edits on the right a view model re-derives the diff from {@link #rightTextProperty()}.
 * Build and use it on the FX thread.
 */
public final class SideBySideDiffView {

    private static final int CONTEXT_ROWS = 3;

    private final SideBySide diff;
    private final CodeArea left;
    private final FillerGuardedArea right;
    private final VBox root;
    private final ObservableValue<String> rightText;
    private final ScrollSync scrollSync;
    private int currentRow;

    /**
     * @param highlighting runs syntax highlighting, off the FX thread
     * @param uiThread     where highlighting results are applied (the FX thread)
     */
    public SideBySideDiffView(SideBySide diff, Executor highlighting, UiThread uiThread) {
        this.diff = diff;
        left = new CodeArea(new SimpleEditableStyledDocument<>(SideDocument.of(diff.rows(), DiffRow::left)));
        left.setEditable(false);
        right = new FillerGuardedArea(SideDocument.of(diff.rows(), DiffRow::right));
        int lastLine = Math.max(diff.before().lines().size(), diff.after().lines().size());
        left.setParagraphGraphicFactory(new LineNumberGutter(this::leftLineOf, EventStreams.never(), lastLine));
        right.setParagraphGraphicFactory(new LineNumberGutter(right::lineOf, right.multiPlainChanges(), lastLine));
        rightText = Bindings.createStringBinding(this::rightText, right.textProperty());
        VirtualizedScrollPane<CodeArea> leftPane = pane(left, "diff-left", ScrollBarPolicy.NEVER);
        VirtualizedScrollPane<CodeArea> rightPane = pane(right, "diff-right", ScrollBarPolicy.AS_NEEDED);
        scrollSync = ScrollSync.between(rightPane, leftPane);

        root = new VBox(DiffHeader.of(diff, this::previousHunk, this::nextHunk), sides(leftPane, rightPane, scrollSync));
        root.getStyleClass().add("diff-view");
        root.getStylesheets().add(stylesheet());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::navigate);

        // Open on the first change, scrolled only (nothing selected, so that typing never replaces a hunk); the view is
        // often built while its page is hidden, so the scroll waits for the first layout that gives the sides a size.
        diff.nextHunk(-1).ifPresent(first -> {
            if (first > CONTEXT_ROWS) {
                scrollSync.showAtTop(right, first - CONTEXT_ROWS);
            }
        });
        for (CodeArea area : new CodeArea[] {left, right}) {
            area.currentParagraphProperty().addListener((o, old, now) -> currentRow = now);
            SyntaxHighlighter.forPath(diff.path())
                    .ifPresent(highlighter -> AsyncHighlighting.attach(area, highlighter, highlighting, uiThread));
        }
    }

    public Parent root() {
        return root;
    }

    /** Whether the right side can be edited (a waiting patch) or is read-only (a decided patch, two attempts compared). */
    public BooleanProperty rightEditableProperty() {
        return right.editableProperty();
    }

    /** The new file as edited on the right: its real lines only, written with the file's line separator. */
    public String rightText() {
        return diff.after().join(right.realLines());
    }

    /** {@link #rightText()}, invalidated by every edit and computed only when read. */
    public ObservableValue<String> rightTextProperty() {
        return rightText;
    }

    /** Scrolls both sides to the next hunk below the caret and selects it. */
    public void nextHunk() {
        diff.nextHunk(currentRow).ifPresent(this::showHunk);
    }

    /** Scrolls both sides to the previous hunk above the caret (or the start of the caret's hunk) and selects it. */
    public void previousHunk() {
        diff.previousHunk(currentRow).ifPresent(this::showHunk);
    }

    CodeArea leftArea() {
        return left;
    }

    FillerGuardedArea rightArea() {
        return right;
    }

    /** The editable right-hand side as a plain code area: the review benchmark scrolls and types in it. */
    public CodeArea rightEditor() {
        return right;
    }

    private int leftLineOf(int paragraph) {
        return paragraph < diff.rows().size() ? diff.rows().get(paragraph).left().number() : 0;
    }

    private static GridPane sides(VirtualizedScrollPane<CodeArea> leftPane, VirtualizedScrollPane<CodeArea> rightPane,
                                  ScrollSync scrollSync) {
        GridPane sides = new GridPane() {
            /** Aligns the sides in the layout pass that sizes them: a scene rendered without a window has no other. */
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                leftPane.layout();
                rightPane.layout();
                scrollSync.align();
            }
        };
        // A side scrolled (its paragraphs restyled, say) is aligned again by the next layout, window or not.
        for (VirtualizedScrollPane<CodeArea> pane : List.of(leftPane, rightPane)) {
            pane.getContent().estimatedScrollYProperty().addListener((o, old, offset) -> sides.requestLayout());
        }
        sides.add(leftPane, 0, 0);
        sides.add(rightPane, 1, 0);
        for (int column = 0; column < 2; column++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            sides.getColumnConstraints().add(half);
        }
        RowConstraints fill = new RowConstraints();
        fill.setVgrow(Priority.ALWAYS);
        sides.getRowConstraints().add(fill);
        sides.getStyleClass().add("diff-sides");
        VBox.setVgrow(sides, Priority.ALWAYS);
        return sides;
    }

    /** Horizontal bars always show, so that both viewports keep the same height whichever side has long lines. */
    private static VirtualizedScrollPane<CodeArea> pane(CodeArea area, String side, ScrollBarPolicy vertical) {
        area.getStyleClass().addAll("diff-side", side);
        VirtualizedScrollPane<CodeArea> pane = new VirtualizedScrollPane<>(area, ScrollBarPolicy.ALWAYS, vertical);
        pane.getStyleClass().add(side + "-pane");
        return pane;
    }

    private void showHunk(int start) {
        int end = diff.hunkEnd(start);
        for (GenericStyledArea<?, ?, ?> area : new GenericStyledArea<?, ?, ?>[] {left, right}) {
            // Edits on the right may have removed paragraphs since the diff was computed.
            int last = Math.min(end, area.getParagraphs().size()) - 1;
            int first = Math.min(start, last);
            // Caret at the hunk's start (anchor at its end), so that "previous" from here means the hunk before.
            area.selectRange(last, area.getParagraphLength(last), first, 0);
        }
        scrollSync.showAtTop(right, Math.max(0, start - CONTEXT_ROWS));
        currentRow = start;
    }

    private void navigate(KeyEvent event) {
        if (event.isAltDown() && event.getCode() == KeyCode.DOWN) {
            nextHunk();
            event.consume();
        } else if (event.isAltDown() && event.getCode() == KeyCode.UP) {
            previousHunk();
            event.consume();
        }
    }

    private static String stylesheet() {
        URL url = SideBySideDiffView.class.getResource("/groundwork/css/diff.css");
        if (url == null) {
            throw new IllegalStateException("The stylesheet groundwork/css/diff.css is missing from the classpath (groundwork-resources).");
        }
        return url.toExternalForm();
    }
}
