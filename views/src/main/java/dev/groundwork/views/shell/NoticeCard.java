package dev.groundwork.views.shell;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The loop's news in a band under the page, above the status bar, so that a researcher on any page sees it: a title and
 * a sentence that go after ten seconds or a click. A band in the window's layout rather than a popup window of its own
 * (ControlsFX's notification made a new popup window for each notice, which held the FX thread ~360 ms every time with
 * four runs streaming; {@code bench window}), and under the page rather than over it: a card in the corner covered the
 * Review page's Approve and Reject buttons just when the review gate's notice came.
 */
final class NoticeCard {

    static final Duration SHOWN_FOR = Duration.seconds(10);

    private final Label title = new Label();
    private final Label text = new Label();
    private final VBox card = new VBox(2, title, text);
    private final PauseTransition hide = new PauseTransition(SHOWN_FOR);

    NoticeCard() {
        card.setId("loop-notice");
        card.getStyleClass().add("notice-card");
        title.getStyleClass().add("notice-title");
        text.getStyleClass().add("notice-text");
        text.setWrapText(true);
        card.setVisible(false);
        card.managedProperty().bind(card.visibleProperty()); // takes room only while shown
        Tooltip.install(card, new Tooltip("Click to close"));
        card.setOnMouseClicked(event -> close());
        hide.setOnFinished(event -> close());
    }

    /** The band, to put under the pages. */
    Node root() {
        return card;
    }

    void show(LoopViewModel.Notice notice) {
        title.setText(notice.title());
        text.setText(notice.text());
        card.setVisible(true);
        hide.playFromStart();
    }

    void close() {
        hide.stop();
        card.setVisible(false);
    }

    boolean showing() {
        return card.isVisible();
    }
}
