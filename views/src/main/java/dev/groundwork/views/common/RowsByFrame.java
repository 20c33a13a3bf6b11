package dev.groundwork.views.common;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Fills a table from a list a few rows per frame of its page's {@link FirstFrames} until its screenful of rows exists,
 * then with the rest at once. A table's first cells are each made, styled and laid out for the first time in the frame
 * that shows them; row by row, that work is spread over frames, which the eye takes for the rows arriving. The first
 * rows wait for a frame too, so that the table's header is styled and laid out in a frame of its own. Once the table
 * has shown its rows on screen its cells exist, and later lists go in at once.
 */
public final class RowsByFrame<T> {

    /** Once a table holds this many rows its screenful of cells exists (the pages' tables show 13 at most). */
    static final int SCREENFUL = 16;

    private final TableView<T> table;
    private final ObservableList<T> source;
    private final ObservableList<T> shown = FXCollections.observableArrayList();
    private final FirstFrames frames;
    private final int perFrame;
    private final Runnable whenAll;
    /** Whether the table has shown rows on screen: its cells exist, their styles are known. */
    private boolean warm;
    /** Whether a step that adds rows is queued. */
    private boolean queued;

    private RowsByFrame(TableView<T> table, ObservableList<T> source, FirstFrames frames, int perFrame, Runnable whenAll) {
        this.table = table;
        this.source = source;
        this.frames = frames;
        this.perFrame = perFrame;
        this.whenAll = whenAll;
    }

    /**
     * Shows {@code source} in {@code table} as the class says; runs {@code whenAll} each time every row is in the table
     * (a selection made meanwhile could only select rows already there). The table's items are a copy of the source,
     * a prefix of it while rows are still arriving.
     */
    public static <T> RowsByFrame<T> fill(TableView<T> table, ObservableList<T> source, FirstFrames frames, int perFrame,
                                          Runnable whenAll) {
        RowsByFrame<T> rows = new RowsByFrame<>(table, source, frames, perFrame, whenAll);
        table.setItems(rows.shown);
        source.addListener((ListChangeListener<T>) change -> rows.refill());
        rows.refill();
        return rows;
    }

    /** Whether every row of the source is in the table. */
    public boolean complete() {
        return shown.size() == source.size();
    }

    private void refill() {
        shown.setAll(warm ? source : List.of());
        if (complete()) {
            whenAll.run();
        } else if (!queued) {
            queued = true;
            frames.then(this::more);
        }
    }

    /** One frame's rows; true once all are in. */
    private boolean more() {
        int next = shown.size() >= SCREENFUL ? source.size() : Math.min(source.size(), shown.size() + perFrame);
        shown.addAll(source.subList(shown.size(), next));
        if (!complete()) {
            return false;
        }
        queued = false;
        warm = warm || frames.onScreen() && table.getScene() != null && !shown.isEmpty();
        whenAll.run();
        return true;
    }
}
