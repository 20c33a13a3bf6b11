package dev.groundwork.views.common;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Builds the pages' table columns: read-only text columns (a header, the text of a row, a width, numbers aligned right),
 * fixed-width columns, columns whose cells hold their whole row (so that they sort by a row comparator), and the one
 * column that takes the room the others leave.
 */
public final class TableColumns {

    /** Room kept for the vertical scroll bar beside the columns. */
    private static final double SCROLL_BAR = 18;

    private TableColumns() {}

    public static <R> TableColumn<R, String> text(String header, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 36));
        column.setReorderable(false);
        column.setSortable(false);
        return column;
    }

    /** A column of numbers: right-aligned so that digits line up. */
    public static <R> TableColumn<R, String> number(String header, Function<R, String> value, double width) {
        TableColumn<R, String> column = text(header, value, width);
        column.setStyle("-fx-alignment: " + Pos.CENTER_RIGHT.name().replace('_', '-') + ";");
        return column;
    }

    /** A column of a text of each row, at a fixed width, with a style class ("number" aligns right) unless empty. */
    public static <R> TableColumn<R, String> fixedText(String header, Function<R, String> value, double width,
                                                       String styleClass) {
        TableColumn<R, String> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return fixed(column, width, styleClass);
    }

    /**
     * A fixed-width column whose cells hold their whole row and show {@code text} of it, sorted by {@code order}: the
     * researcher's click sorts by what the row means (a reward, a number), not by the text shown.
     */
    public static <R> TableColumn<R, R> rowText(String header, Function<R, String> text, Comparator<R> order,
                                                double width, String styleClass) {
        TableColumn<R, R> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new RowTextCell<>(text, ""));
        column.setComparator(order);
        return fixed(column, width, styleClass);
    }

    /** Fixes {@code column} at {@code width}, adds the style class unless empty, and keeps it in its place. */
    public static <R, T> TableColumn<R, T> fixed(TableColumn<R, T> column, double width, String styleClass) {
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 36));
        column.setMaxWidth(width);
        if (!styleClass.isEmpty()) {
            column.getStyleClass().add(styleClass);
        }
        column.setReorderable(false);
        return column;
    }

    /**
     * Gives {@code column} the room the table's other (fixed) columns leave, at least {@code minWidth}; call once the
     * table has all its columns. However long the texts in it are, the other columns keep their widths.
     */
    public static <R> void fillRest(TableView<R> table, TableColumn<R, ?> column, double minWidth) {
        double others = table.getColumns().stream().filter(each -> each != column)
                .mapToDouble(TableColumn::getPrefWidth).sum() + SCROLL_BAR;
        column.setMinWidth(minWidth);
        column.setMaxWidth(Double.MAX_VALUE);
        column.prefWidthProperty().bind(Bindings.max(minWidth, table.widthProperty().subtract(others)));
    }
}
