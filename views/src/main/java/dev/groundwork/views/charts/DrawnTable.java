package dev.groundwork.views.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A read-only table drawn on one canvas: a header, rows of text in columns of set widths (numbers aligned right, one
 * column may take the room the others leave, one may be a link that opens its row), rows selected as in a table view
 * (click, Ctrl+click, Shift+click, drag, the arrows with or without Shift, Ctrl+A), Enter opening the focused row,
 * Ctrl+C copying the selected rows as tab-separated text, the wheel and scroll bars for what does not fit.
 *
 * <p>Why drawn: a {@code TableView} makes and styles a control per cell, and a table's first row, styled cold, held the
 * FX thread 40–70 ms however its cells were made (docs/performance.md). Here a frame of rows is text on a canvas: no
 * node per row or cell, whatever the number of rows.
 */
public final class DrawnTable<R> extends CanvasPane {

    /** A column: its header, the text it shows of a row, its width, and whether it is aligned right (numbers). */
    public record Column<R>(String header, Function<R, String> text, double width, boolean right) {

        public static <R> Column<R> text(String header, Function<R, String> text, double width) {
            return new Column<>(header, text, width, false);
        }

        public static <R> Column<R> number(String header, Function<R, String> text, double width) {
            return new Column<>(header, text, width, true);
        }
    }

    private static final Font FONT = Font.font(13);
    private static final Font HEADER_FONT = Font.font(null, FontWeight.BOLD, 12);
    private static final double PAD = 7;
    private static final double HEADER = 28;
    /** The scroll bars' thickness. */
    private static final double BAR = 14;
    /** The light theme's colours, for a table drawn before the theme styles its probes. */
    private static final Color SELECTED = Color.web("#dfe4fb");
    private static final Color HEADER_FILL = Color.web("#eef0f4");

    private final List<Column<R>> columns = new ArrayList<>();
    private final double rowHeight;
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    /** The theme's colours for the rows, the header, the selection and links, read as the charts read theirs. */
    private final Label surfaceProbe = ChartPalette.probe("chart-surface");
    private final Label headerProbe = ChartPalette.probe("chart-header");
    private final Label selectedProbe = ChartPalette.probe("chart-selection");
    private final Label linkProbe = ChartPalette.probe("chart-link");
    /** Cells cut to their column's width, by each character's advance measured once (as the lineage's labels). */
    private final LabelFitter labels = new LabelFitter();
    private final ObservableList<R> selected = FXCollections.observableArrayList();
    private final ObservableList<R> selectedView = FXCollections.unmodifiableObservableList(selected);
    private final RowSelection selection = new RowSelection();
    private List<R> rows = List.of();
    private int fewest = 3;
    private int most = 10;
    private int fillColumn = -1;
    private int linkColumn = -1;
    private Function<R, String> linkHover = row -> "";
    private Consumer<R> onOpen = row -> {};
    private String placeholder = "";
    /** The row whose link the pointer is over; -1 for none. */
    private int hoveredLink = -1;
    /** Rows drawn in the last frame (tests ask: only those in view are). */
    private int drawnRows;

    public DrawnTable(double rowHeight) {
        this.rowHeight = rowHeight;
        getStyleClass().add("drawn-table");
        getChildren().addAll(List.of(surfaceProbe, headerProbe, selectedProbe, linkProbe));
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        for (ScrollBar bar : List.of(vbar, hbar)) {
            bar.setManaged(false);
            bar.setVisible(false);
            bar.valueProperty().addListener(o -> redraw());
            getChildren().add(bar);
        }
        vbar.setUnitIncrement(rowHeight);
        hbar.setUnitIncrement(24);
        setFocusTraversable(true);
        setMinSize(120, HEADER + rowHeight);
        setPrefSize(USE_COMPUTED_SIZE, USE_COMPUTED_SIZE); // its rows and columns give its size, not a chart's
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> hoverAt(event.getX(), event.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, event -> hoverAt(-1, -1));
        addEventHandler(ScrollEvent.SCROLL, this::wheel);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        focusedProperty().addListener(o -> redraw());
    }

    /** Adds a column, left to right. */
    public DrawnTable<R> column(Column<R> column) {
        columns.add(column);
        return this;
    }

    /**
     * The column (by index) that takes the room the others leave: wider than its width where there is room, down to
     * two thirds of it before the table scrolls sideways (it holds the long texts, which its ellipsis cuts).
     */
    public void setFillColumn(int index) {
        fillColumn = index;
    }

    /** The column (by index) whose text is a link: a click on it opens the row, the pointer over it shows {@code hover}. */
    public void setLinkColumn(int index, Function<R, String> hover) {
        linkColumn = index;
        linkHover = hover;
    }

    /** What a click on the link, or Enter on the focused row, does with the row. */
    public void setOnOpen(Consumer<R> onOpen) {
        this.onOpen = onOpen;
    }

    /** The text shown while there is no row. */
    public void setPlaceholder(String placeholder) {
        this.placeholder = placeholder;
        redraw();
    }

    /** Shows these rows, none selected: whoever set them selects what should be. */
    public void setRows(List<R> rows) {
        this.rows = List.copyOf(rows);
        selection.reset(this.rows.size());
        hoveredLink = -1;
        publishSelection();
        requestLayout();
        redraw();
    }

    public List<R> rows() {
        return rows;
    }

    /** The selected rows, top to bottom; one change per gesture. */
    public ObservableList<R> selectedItems() {
        return selectedView;
    }

    /** Selects exactly these rows (by index), the first of them focused. */
    public void select(List<Integer> indices) {
        selection.select(indices);
        publishSelection();
        redraw();
    }

    /**
     * The rows the table's preferred height shows: as many as it has, at least {@code fewest} (room for rows to come)
     * and at most {@code most} (the rest scroll).
     */
    public void setShownRows(int fewest, int most) {
        this.fewest = fewest;
        this.most = most;
        requestLayout();
    }

    /** Its width decides its height: a horizontal scroll bar, where the columns do not fit, takes room from the rows. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return fullWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        boolean scrolls = rows.size() > most;
        boolean tooNarrow = width >= 0 && narrowest() > width - 2 - (scrolls ? BAR : 0);
        return HEADER + Math.max(fewest, Math.min(most, rows.size())) * rowHeight + 2 + (tooNarrow ? BAR : 0);
    }

    /** The width that shows every column without scrolling, with room for the vertical scroll bar. */
    public double fullWidth() {
        return columns.stream().mapToDouble(Column::width).sum() + 2 + BAR;
    }

    /** A point on a cell's text, a few pixels in from where it starts, scrolled as the table is now (tests point there). */
    public javafx.geometry.Point2D onText(int row, int column) {
        double[] lefts = columnLefts(bodyWidth());
        double room = lefts[column + 1] - lefts[column] - 2 * PAD;
        double textWidth = Math.min(room, width(fit(textAt(row, column), room)));
        double start = columns.get(column).right() ? lefts[column + 1] - PAD - textWidth : lefts[column] + PAD;
        return new javafx.geometry.Point2D(start - hbar.getValue() + Math.min(4, textWidth / 2),
                HEADER + row * rowHeight - vbar.getValue() + rowHeight / 2);
    }

    /** The text a cell shows, before any ellipsis. */
    public String textAt(int row, int column) {
        return columns.get(column).text().apply(rows.get(row));
    }

    /** The text a cell shows, cut to its column's room. */
    String shownText(int row, int column) {
        double[] lefts = columnLefts(bodyWidth());
        return fit(textAt(row, column), lefts[column + 1] - lefts[column] - 2 * PAD);
    }

    /** Rows drawn in the last frame. */
    public int drawnRows() {
        return drawnRows;
    }

    // ----------------------------------------------------------------------------------------------- layout and drawing

    @Override
    protected void layoutChildren() {
        boolean vertical = vbar.isVisible();
        boolean horizontal = hbar.isVisible();
        int frames = framesDrawn();
        placeBars();
        super.layoutChildren(); // draws again when the size changed
        if (framesDrawn() == frames && (vertical != vbar.isVisible() || horizontal != hbar.isVisible())) {
            redraw(); // new rows took a bar away or brought one: the rows' room changed
        }
        if (vbar.isVisible()) {
            vbar.resizeRelocate(getWidth() - BAR - 1, HEADER, BAR, getHeight() - HEADER - 1 - (hbar.isVisible() ? BAR : 0));
        }
        if (hbar.isVisible()) {
            hbar.resizeRelocate(1, getHeight() - BAR - 1, getWidth() - 2 - (vbar.isVisible() ? BAR : 0), BAR);
        }
    }

    /** Shows a scroll bar where the rows or the columns do not fit, and sets its range. */
    private void placeBars() {
        double contentHeight = rows.size() * rowHeight;
        double contentWidth = narrowest();
        boolean vertical = contentHeight > getHeight() - HEADER - 2;
        boolean horizontal = contentWidth > getWidth() - 2 - (vertical ? BAR : 0);
        vertical = contentHeight > getHeight() - HEADER - 2 - (horizontal ? BAR : 0);
        double viewHeight = Math.max(0, getHeight() - HEADER - 2 - (horizontal ? BAR : 0));
        double viewWidth = Math.max(0, getWidth() - 2 - (vertical ? BAR : 0));
        range(vbar, vertical, contentHeight, viewHeight);
        range(hbar, horizontal, contentWidth, viewWidth);
    }

    private static void range(ScrollBar bar, boolean shown, double content, double view) {
        bar.setVisible(shown);
        double max = shown ? Math.max(0, content - view) : 0;
        bar.setMax(max);
        // The thumb's share of the track is the view's share of the content, as a scroll pane's is.
        bar.setVisibleAmount(shown ? max * view / Math.max(1, content) : 0);
        bar.setBlockIncrement(Math.max(1, view - 24));
        bar.setValue(Math.min(bar.getValue(), bar.getMax()));
    }

    private double bodyWidth() {
        return getWidth() - 2 - (vbar.isVisible() ? BAR : 0);
    }

    private double bodyHeight() {
        return getHeight() - HEADER - 2 - (hbar.isVisible() ? BAR : 0);
    }

    /** The columns' least width: every column at its width, the fill column at two thirds of it. */
    private double narrowest() {
        double sum = 0;
        for (int i = 0; i < columns.size(); i++) {
            sum += i == fillColumn ? columns.get(i).width() * 2 / 3 : columns.get(i).width();
        }
        return sum;
    }

    /** Each column's left edge in content coordinates, and the right edge of the last. */
    private double[] columnLefts(double room) {
        double others = 0;
        for (int i = 0; i < columns.size(); i++) {
            others += i == fillColumn ? 0 : columns.get(i).width();
        }
        double[] lefts = new double[columns.size() + 1];
        lefts[0] = 1;
        for (int i = 0; i < columns.size(); i++) {
            double width = columns.get(i).width();
            lefts[i + 1] = lefts[i] + (i == fillColumn ? Math.max(width * 2 / 3, room - others) : width);
        }
        return lefts;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        drawnRows = 0;
        Color ink = palette.ink();
        Color muted = palette.muted();
        Color grid = palette.grid();
        g.setFill(ChartPalette.color(surfaceProbe, Color.WHITE));
        g.fillRect(0, 0, width, height);
        double[] lefts = columnLefts(bodyWidth());
        double scrollX = hbar.getValue();
        double scrollY = vbar.getValue();
        g.setTextBaseline(VPos.CENTER);

        g.save();
        g.beginPath();
        g.rect(1, HEADER, bodyWidth(), bodyHeight());
        g.clip();
        int first = (int) Math.floor(scrollY / rowHeight);
        int last = Math.min(rows.size() - 1, (int) Math.floor((scrollY + bodyHeight()) / rowHeight));
        Color stripe = grid.deriveColor(0, 1, 1, 0.35);
        Color chosenFill = ChartPalette.color(selectedProbe, SELECTED);
        Color linkInk = ChartPalette.color(linkProbe, palette.accent());
        g.setFont(FONT);
        for (int row = Math.max(0, first); row <= last; row++) {
            double top = HEADER + row * rowHeight - scrollY;
            if (selection.isSelected(row)) {
                g.setFill(chosenFill);
                g.fillRect(1, top, bodyWidth(), rowHeight);
            } else if (row % 2 == 1) {
                g.setFill(stripe);
                g.fillRect(1, top, bodyWidth(), rowHeight);
            }
            R item = rows.get(row);
            for (int c = 0; c < columns.size(); c++) {
                double left = lefts[c] - scrollX;
                double right = lefts[c + 1] - scrollX;
                if (right < 0 || left > width) {
                    continue;
                }
                boolean isLink = c == linkColumn;
                g.setFill(isLink ? linkInk : ink);
                cellText(g, columns.get(c), columns.get(c).text().apply(item), left, right, top + rowHeight / 2,
                        isLink && row == hoveredLink);
            }
            if (row == selection.focus() && isFocused()) {
                g.setStroke(palette.accent());
                g.setLineWidth(1);
                g.strokeRect(1.5, top + 0.5, bodyWidth() - 1, rowHeight - 1);
            }
            drawnRows++;
        }
        if (rows.isEmpty() && !placeholder.isEmpty()) {
            g.setFill(muted);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(placeholder, width / 2, HEADER + bodyHeight() / 2);
            g.setTextAlign(TextAlignment.LEFT);
        }
        g.restore();

        g.setFill(ChartPalette.color(headerProbe, HEADER_FILL));
        g.fillRect(0, 0, width, HEADER);
        g.setStroke(grid);
        g.setLineWidth(1);
        g.setFont(HEADER_FONT);
        for (int c = 0; c < columns.size(); c++) {
            double left = lefts[c] - scrollX;
            double right = lefts[c + 1] - scrollX;
            g.setFill(muted);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(columns.get(c).header(), (left + right) / 2, HEADER / 2, Math.max(1, right - left - 2 * PAD));
            g.setTextAlign(TextAlignment.LEFT);
            if (c < columns.size() - 1) {
                g.strokeLine(Math.round(right) + 0.5, 5, Math.round(right) + 0.5, HEADER - 5);
            }
        }
        g.strokeLine(0, HEADER - 0.5, width, HEADER - 0.5);
        g.setStroke(isFocused() ? palette.accent() : grid);
        g.strokeRect(0.5, 0.5, width - 1, height - 1);
    }

    /** A cell's text, cut with an ellipsis to its room, aligned as its column is; underlined when asked. */
    private void cellText(GraphicsContext g, Column<R> column, String text, double left, double right, double middle,
                          boolean underline) {
        if (text == null || text.isEmpty()) {
            return;
        }
        double room = right - left - 2 * PAD;
        String shown = fit(text, room);
        double textWidth = width(shown);
        double x = column.right() ? right - PAD - Math.min(room, textWidth) : left + PAD;
        g.fillText(shown, x, middle, Math.max(1, room));
        if (underline) {
            g.fillRect(x, middle + 7, Math.min(room, textWidth), 1);
        }
    }

    /** The text, or its longest start that fits {@code room} with an ellipsis. */
    private String fit(String text, double room) {
        return labels.fit(text, FONT, room);
    }

    /** The text's width in the rows' font. */
    private double width(String text) {
        return labels.width(text, FONT);
    }

    // ------------------------------------------------------------------------------------------------------ input

    /** The row under a point of the body, or -1. */
    private int rowAt(double y) {
        if (y < HEADER || y > HEADER + bodyHeight()) {
            return -1;
        }
        int row = (int) Math.floor((y - HEADER + vbar.getValue()) / rowHeight);
        return row < rows.size() ? row : -1;
    }

    /** Whether a point is on the text of the link in {@code row}. */
    private boolean onLink(int row, double x) {
        if (linkColumn < 0 || row < 0) {
            return false;
        }
        double[] lefts = columnLefts(bodyWidth());
        double left = lefts[linkColumn] - hbar.getValue() + PAD;
        double room = lefts[linkColumn + 1] - lefts[linkColumn] - 2 * PAD;
        double textWidth = Math.min(room, width(fit(textAt(row, linkColumn), room)));
        return x >= left && x <= left + textWidth;
    }

    private void pressed(MouseEvent event) {
        requestFocus();
        // Taken here, or a scroll pane around the table would take the focus on its way up.
        event.consume();
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int row = rowAt(event.getY());
        if (row < 0) {
            return;
        }
        if (onLink(row, event.getX())) {
            onOpen.accept(rows.get(row));
            return;
        }
        selection.click(row, event.isShiftDown(), event.isShortcutDown());
        publishSelection();
        redraw();
    }

    private void dragged(MouseEvent event) {
        if (rows.isEmpty() || !event.isPrimaryButtonDown()) {
            return;
        }
        int row = Math.max(0, Math.min(rows.size() - 1, (int) Math.floor((event.getY() - HEADER + vbar.getValue()) / rowHeight)));
        if (row != selection.focus()) {
            selection.dragTo(row, event.isShortcutDown());
            reveal(row);
            publishSelection();
            redraw();
        }
    }

    private void hoverAt(double x, double y) {
        int row = rowAt(y);
        int over = onLink(row, x) ? row : -1;
        if (over != hoveredLink) {
            hoveredLink = over;
            setCursor(over < 0 ? Cursor.DEFAULT : Cursor.HAND);
            redraw();
        }
        if (over < 0) {
            hideHover();
        } else {
            showHover(linkHover.apply(rows.get(over)), x, y);
        }
    }

    private void wheel(ScrollEvent event) {
        ScrollBar bar = event.getDeltaY() == 0 ? hbar : vbar;
        double delta = event.getDeltaY() == 0 ? event.getDeltaX() : event.getDeltaY();
        double to = Math.max(0, Math.min(bar.getMax(), bar.getValue() - delta));
        // Where the table cannot move any more the page around it scrolls, as it would over any other part of it.
        if (bar.isVisible() && to != bar.getValue()) {
            bar.setValue(to);
            hoverAt(event.getX(), event.getY());
            event.consume();
        }
    }

    private void key(KeyEvent event) {
        if (rows.isEmpty()) {
            return;
        }
        int page = Math.max(1, (int) (bodyHeight() / rowHeight) - 1);
        int focus = selection.focus();
        int to = switch (event.getCode()) {
            case UP -> focus - 1;
            case DOWN -> focus + 1;
            case PAGE_UP -> focus - page;
            case PAGE_DOWN -> focus + page;
            case HOME -> 0;
            case END -> rows.size() - 1;
            default -> Integer.MIN_VALUE;
        };
        if (to != Integer.MIN_VALUE) {
            selection.moveTo(focus < 0 ? 0 : to, event.isShiftDown(), event.isShortcutDown());
            reveal(selection.focus());
            publishSelection();
            redraw();
        } else if (event.getCode() == KeyCode.ENTER && focus >= 0) {
            onOpen.accept(rows.get(focus));
        } else if (event.getCode() == KeyCode.A && event.isShortcutDown()) {
            selection.selectAll();
            publishSelection();
            redraw();
        } else if (event.getCode() == KeyCode.SPACE && event.isShortcutDown()) {
            selection.toggleFocused();
            publishSelection();
            redraw();
        } else if (event.getCode() == KeyCode.C && event.isShortcutDown()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(copied());
            Clipboard.getSystemClipboard().setContent(content);
        } else {
            return;
        }
        event.consume();
    }

    /** Scrolls the least that brings {@code row} into view. */
    private void reveal(int row) {
        double top = row * rowHeight;
        if (top < vbar.getValue()) {
            vbar.setValue(top);
        } else if (top + rowHeight > vbar.getValue() + bodyHeight()) {
            vbar.setValue(Math.min(vbar.getMax(), top + rowHeight - bodyHeight()));
        }
    }

    /** The selected rows (the focused one when none is) under the headers, tab-separated. */
    String copied() {
        java.util.stream.IntStream copiedRows = selection.isEmpty() && selection.focus() >= 0
                ? java.util.stream.IntStream.of(selection.focus()) : selection.rows();
        StringBuilder text = new StringBuilder(String.join("\t", columns.stream().map(Column::header).toList()));
        copiedRows.forEach(row -> text.append('\n').append(String.join("\t",
                columns.stream().map(column -> column.text().apply(rows.get(row))).toList())));
        return text.append('\n').toString();
    }

    /** Hands the selection to its listeners in one change, when it changed. */
    private void publishSelection() {
        List<R> now = selection.rows().mapToObj(rows::get).toList();
        int focus = selection.focus();
        if (!now.equals(selected)) {
            selected.setAll(now);
        }
        setAccessibleText(focus < 0 || focus >= rows.size() ? placeholder
                : "row " + (focus + 1) + " of " + rows.size() + ": " + String.join(", ",
                columns.stream().map(column -> column.header() + " " + column.text().apply(rows.get(focus))).toList()));
    }
}
