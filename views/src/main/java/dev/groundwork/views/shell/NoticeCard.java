package dev.groundwork.views.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The loop's news in the window's bottom-right corner, over the page, so that a researcher on another page sees it: a
 * card with a title and a sentence that goes after ten seconds or a click. A card in the window rather than a popup
 * window of its own: ControlsFX's notification made a new popup window for each notice, which held the FX thread
 * ~360 ms every time (measured with four runs streaming; {@code bench window}).
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
        card.setPrefWidth(360);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setVisible(false);
        Tooltip.install(card, new Tooltip("Click to close"));
        StackPane.setAlignment(card, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(card, new Insets(16));
        card.setOnMouseClicked(event -> close());
        hide.setOnFinished(event -> close());
    }

    /** The card, to put in a stack over the pages. */
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
