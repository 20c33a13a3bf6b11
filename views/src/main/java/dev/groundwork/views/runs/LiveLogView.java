package dev.groundwork.views.runs;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The selected run's live log: a read-only, virtualized text area that takes each {@link LiveLog.Update} in one edit,
 * keeps the last line in view while following, and marks every search match (the current one strongest). Keys in the
 * search field: Enter / F3 next, Shift+Enter / Shift+F3 previous, Escape clears.
 */
final class LiveLogView {

    private final LiveLog log;
    private final CodeArea area = new CodeArea();
    /** Whether some of the text carries a match style that a cleared search must take off. */
    private boolean marked;
    private final TextField search = new TextField();
    private final VBox root;

    /** @param placeholder what the area says while it is empty */
    LiveLogView(LiveLog log, ObservableValue<String> placeholder) {
        this.log = log;
        Label empty = new Label();
        empty.getStyleClass().add("runs-log-placeholder");
        empty.textProperty().bind(placeholder);
        area.setPlaceholder(empty);
        area.setId("runs-log");
        area.getStyleClass().add("runs-log-text");
        area.setEditable(false);
        area.setWrapText(false);
        // Scrolling up means reading back: stop following so new lines do not pull the view away.
        area.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0) {
                log.followProperty().set(false);
            }
        });
        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (Set.of(KeyCode.UP, KeyCode.PAGE_UP, KeyCode.HOME).contains(event.getCode())) {
                log.followProperty().set(false);
            } else if (event.getCode() == KeyCode.END) {
                log.followProperty().set(true);
            }
        });
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.setMinHeight(100);

        root = new VBox(bar(), scroll);
        root.getStyleClass().add("runs-log-box");

        log.updateProperty().addListener((o, old, update) -> apply(update));
        log.matchesProperty().addListener(o -> mark());
        log.currentProperty().addListener(o -> {
            mark();
            reveal();
        });
        log.followProperty().addListener((o, was, following) -> {
            if (following) {
                scrollToEnd();
            }
        });
        // The first layout (and any re-measure) changes the height estimate: stay at the end while following.
        area.totalHeightEstimateProperty().addListener((o, was, height) -> {
            if (log.followProperty().get()) {
                area.showParagraphAtBottom(Math.max(0, area.getParagraphs().size() - 1));
            }
        });
        apply(log.updateProperty().get());
    }

    Parent root() {
        return root;
    }

    /** Puts the caret in the search field (Ctrl+F on the page). */
    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private HBox bar() {
        search.setId("runs-log-search");
        search.getStyleClass().add("runs-log-search");
        search.setPromptText("Find in log (Ctrl+F)");
        search.textProperty().bindBidirectional(log.queryProperty());
        search.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean next = event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.F3;
            if (next) {
                if (event.isShiftDown()) {
                    log.findPrevious();
                } else {
                    log.findNext();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                search.clear();
                area.requestFocus();
                event.consume();
            }
        });
        Button previous = navButton("▲", "Previous match (Shift+Enter)", log::findPrevious);
        previous.setId("runs-log-previous");
        Button next = navButton("▼", "Next match (Enter)", log::findNext);
        next.setId("runs-log-next");
        Label count = new Label();
        count.setId("runs-log-count");
        count.getStyleClass().add("runs-log-count");
        count.textProperty().bind(Bindings.createStringBinding(log::matchSummary, log.queryProperty(),
                log.matchesProperty(), log.currentProperty()));
        previous.disableProperty().bind(Bindings.createBooleanBinding(() -> log.matchesProperty().get().isEmpty(),
                log.matchesProperty()));
        next.disableProperty().bind(previous.disableProperty());

        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("runs-log-follow");
        follow.setTooltip(new Tooltip("Keep the newest line in view (f, or End in the log); scrolling up stops it"));
        follow.selectedProperty().bindBidirectional(log.followProperty());
        follow.setFocusTraversable(false);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label title = new Label("Log");
        title.getStyleClass().add("runs-log-title");
        // In a narrow page the search field gives way; the title and the buttons keep their text.
        for (Region whole : List.of(title, previous, next, count, follow)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        search.setMinWidth(80);
        HBox bar = new HBox(title, gap, search, previous, next, count, follow);
        bar.getStyleClass().add("runs-log-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button navButton(String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }

    /** One edit per update: start over, or drop lines off the top and append the new ones. */
    private void apply(LiveLog.Update update) {
        if (update.reset()) {
            area.replaceText(String.join("\n", update.appended()));
        } else {
            if (update.dropped() > 0) {
                area.deleteText(0, area.getAbsolutePosition(update.dropped(), 0));
            }
            if (!update.appended().isEmpty()) {
                area.appendText((update.linesBefore() > 0 ? "\n" : "") + String.join("\n", update.appended()));
            }
        }
        mark();
        if (log.followProperty().get()) {
            scrollToEnd();
        }
    }

    private void scrollToEnd() {
        area.moveTo(area.getLength());
        area.showParagraphAtBottom(Math.max(0, area.getParagraphs().size() - 1));
        area.requestFollowCaret(); // again at the next layout: the area may not have its size yet
    }

    /** Marks every match, the current one apart, in one pass over the text. */
    private void mark() {
        List<LiveLog.Match> matches = log.matchesProperty().get();
        int current = log.currentProperty().get();
        if (matches.isEmpty()) {
            // Clearing restyles the whole log: only once after a search, never on each poll's append
            if (marked && area.getLength() > 0) {
                area.clearStyle(0, area.getLength());
            }
            marked = false;
            return;
        }
        marked = true;
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = 0;
        for (int i = 0; i < matches.size(); i++) {
            LiveLog.Match match = matches.get(i);
            if (match.line() >= area.getParagraphs().size()) {
                break;
            }
            int start = area.getAbsolutePosition(match.line(), match.start());
            int end = area.getAbsolutePosition(match.line(), match.end());
            spans.add(List.of(), start - at);
            spans.add(List.of(i == current ? "log-match-current" : "log-match"), end - start);
            at = end;
        }
        spans.add(List.of(), area.getLength() - at);
        StyleSpans<Collection<String>> built = spans.create();
        area.setStyleSpans(0, built);
    }

    private void reveal() {
        int current = log.currentProperty().get();
        List<LiveLog.Match> matches = log.matchesProperty().get();
        if (current < 0 || current >= matches.size()) {
            return;
        }
        LiveLog.Match match = matches.get(current);
        if (match.line() < area.getParagraphs().size()) {
            area.showParagraphAtCenter(match.line());
            area.moveTo(match.line(), match.start());
        }
    }
}
