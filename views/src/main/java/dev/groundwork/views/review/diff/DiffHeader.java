package dev.groundwork.views.review.diff;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bar above a diff: the file's path, its +/− line counts, notes such as "new file", and hunk navigation. */
final class DiffHeader {

    private DiffHeader() {}

    static HBox of(SideBySide diff, Runnable previousHunk, Runnable nextHunk) {
        HBox header = new HBox(styled(new Label(diff.path()), "diff-path"),
                styled(new Label("+" + diff.added()), "diff-count-added"),
                styled(new Label("\u2212" + diff.removed()), "diff-count-removed"));
        diff.notes().forEach(note -> header.getChildren().add(styled(new Label(note), "diff-note")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        int hunks = diff.hunkStarts().size();
        Label count = styled(new Label(hunks == 0 ? "no changes" : hunks == 1 ? "1 change" : hunks + " changes"), "diff-hunk-count");
        header.getChildren().addAll(spacer, count,
                button("\u2191", "Previous change (Alt+Up)", previousHunk),
                button("\u2193", "Next change (Alt+Down)", nextHunk));
        header.getStyleClass().add("diff-header");
        return header;
    }

    private static Button button(String text, String tooltip, Runnable action) {
        Button button = styled(new Button(text), "diff-nav");
        button.setTooltip(new Tooltip(tooltip));
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static <T extends Node> T styled(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }
}
