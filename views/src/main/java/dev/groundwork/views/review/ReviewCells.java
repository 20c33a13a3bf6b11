package dev.groundwork.views.review;

import dev.groundwork.model.review.PatchReview;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How the Review page's lists draw a row. */
final class ReviewCells {

    private static final double TEXT_WIDTH = 220;
    private static final int TITLE_LINES = 2;

    private ReviewCells() {}

    /** "#12  Cosine LR" over "epoch 1 · attempt 2 · llm:gpt-4o"; the whole title in the tooltip. */
    static final class Waiting extends ListCell<PatchReview.Item> {
        @Override
        protected void updateItem(PatchReview.Item item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(empty || item == null ? null : new VBox(2, title(item), detail(summary(item))));
            setTooltip(empty || item == null ? null : new Tooltip(heading(item)));
        }
    }

    /**
     * "#12  Cosine LR" over "Rejected by bo · 26 Nov 14:03" and the reason's first line; the whole title and reason in
     * the tooltip.
     */
    static final class Decided extends ListCell<PatchReview.Decided> {
        private final ReviewHistoryViewModel history;

        Decided(ReviewHistoryViewModel history) {
            this.history = history;
        }

        @Override
        protected void updateItem(PatchReview.Decided entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            setTooltip(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            VBox box = new VBox(2, title(entry.item()), detail(history.brief(entry.outcome())));
            String reason = entry.outcome().reason();
            if (!reason.isBlank()) {
                Label why = detail(reason.lines().findFirst().orElse(""));
                why.getStyleClass().add("review-reason");
                box.getChildren().add(why);
            }
            setTooltip(new Tooltip(heading(entry.item()) + (reason.isBlank() ? "" : "\n\n" + reason)));
            setGraphic(box);
        }
    }

    /** "Attempt 2 · llm+human · superseded" over the reason, when there is one. */
    static final class Attempt extends ListCell<PatchReview.Attempt> {
        @Override
        protected void updateItem(PatchReview.Attempt attempt, boolean empty) {
            super.updateItem(attempt, empty);
            setText(null);
            setTooltip(null);
            if (empty || attempt == null) {
                setGraphic(null);
                return;
            }
            Label label = new Label("Attempt " + ReviewAttemptsViewModel.label(attempt));
            label.setMaxWidth(TEXT_WIDTH);
            String reason = attempt.outcome().reason();
            if (reason.isBlank()) {
                setGraphic(label);
                return;
            }
            setGraphic(new VBox(1, label, detail(reason.lines().findFirst().orElse(""))));
            setTooltip(new Tooltip(reason));
        }
    }

    /** An attempt in a picker: "attempt 2 · llm+human · superseded" in the list, "attempt 2" on the button. */
    static final class AttemptChoice extends ListCell<PatchReview.Attempt> {
        private final boolean full;

        AttemptChoice(boolean full) {
            this.full = full;
        }

        @Override
        protected void updateItem(PatchReview.Attempt attempt, boolean empty) {
            super.updateItem(attempt, empty);
            setText(empty || attempt == null ? null
                    : full ? "attempt " + ReviewAttemptsViewModel.label(attempt) : "attempt " + attempt.number());
        }
    }

    static final class File extends ListCell<PatchReview.FileChange> {
        @Override
        protected void updateItem(PatchReview.FileChange file, boolean empty) {
            super.updateItem(file, empty);
            setText(empty || file == null ? null : file.path());
        }
    }

    private static String summary(PatchReview.Item item) {
        return "epoch " + item.epoch() + " · attempt " + item.attempt() + " · " + item.author();
    }

    private static String heading(PatchReview.Item item) {
        return "#" + item.patchId() + "  " + item.ideaTitle();
    }

    /** Two lines at most: a longer title ends in an ellipsis, and the row's tooltip has all of it. */
    private static Label title(PatchReview.Item item) {
        Label title = new Label(heading(item));
        title.getStyleClass().add("review-row-title");
        title.setWrapText(true);
        title.setMaxWidth(TEXT_WIDTH);
        title.setTextOverrun(OverrunStyle.ELLIPSIS);
        title.maxHeightProperty().bind(Bindings.createDoubleBinding(() -> lines(title.getFont(), TITLE_LINES),
                title.fontProperty()));
        return title;
    }

    /** The height of {@code count} lines of text in {@code font}, with room to spare but not for one more line. */
    private static double lines(Font font, int count) {
        Text probe = new Text("X" + "\nX".repeat(count - 1));
        probe.setFont(font);
        return Math.ceil(probe.getLayoutBounds().getHeight() + font.getSize() / 2);
    }

    private static Label detail(String text) {
        Label detail = new Label(text);
        detail.getStyleClass().add("fact-detail");
        detail.setMaxWidth(TEXT_WIDTH);
        detail.setTextOverrun(OverrunStyle.ELLIPSIS);
        return detail;
    }
}
