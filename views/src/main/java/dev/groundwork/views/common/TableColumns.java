package dev.groundwork.views.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.TableColumn;

/** Builds read-only text columns: a header, the text of a row, a width, and numbers aligned right. */
public final class TableColumns {

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
}
