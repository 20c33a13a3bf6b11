package dev.groundwork.views.common;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;

/**
 * Keeps a table's selection and its view model's in step both ways: the view model owns what is selected (a re-read
 * keeps it, a key moves it), the table shows it, and a click in the table sets it. Neither side echoes the other's
 * change back.
 */
public final class TableSelection<R> {

    private final TableView<R> table;
    private boolean syncing;

    private TableSelection(TableView<R> table) {
        this.table = table;
    }

    /** One row at a time: the table selects {@code selected}'s row whenever it or the table's rows change. */
    public static <R> TableSelection<R> single(TableView<R> table, ObjectProperty<R> selected) {
        TableSelection<R> sync = new TableSelection<>(table);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null) {
                sync.withoutEcho(() -> selected.set(row));
            }
        });
        Runnable show = () -> sync.withoutEcho(() -> sync.showSingle(selected.get()));
        selected.addListener(o -> show.run());
        table.getItems().addListener((ListChangeListener<R>) change -> show.run());
        show.run();
        return sync;
    }

    /**
     * Several rows: {@code chosen} are the rows the table selects and {@code focused} the one it focuses (the detail's
     * row); a click sets both. With none chosen, the focused row alone shows selected.
     */
    public static <R> TableSelection<R> multiple(TableView<R> table, ObservableList<R> chosen, ObjectProperty<R> focused) {
        TableSelection<R> sync = new TableSelection<>(table);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<R>) change -> sync.withoutEcho(() -> {
            chosen.setAll(List.copyOf(table.getSelectionModel().getSelectedItems()));
            R row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                focused.set(row);
            }
        }));
        Runnable show = () -> sync.withoutEcho(() -> sync.showMultiple(chosen, focused.get()));
        chosen.addListener((InvalidationListener) o -> show.run());
        focused.addListener(o -> show.run());
        return sync;
    }

    /** Makes a change on one side without the other side's listener echoing it back. */
    private void withoutEcho(Runnable change) {
        if (!syncing) {
            syncing = true;
            try {
                change.run();
            } finally {
                syncing = false;
            }
        }
    }

    private void showSingle(R row) {
        int index = row == null ? -1 : table.getItems().indexOf(row);
        if (index < 0) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedIndex() != index) {
            table.getSelectionModel().clearAndSelect(index);
        }
    }

    private void showMultiple(List<R> chosen, R focus) {
        table.getSelectionModel().clearSelection();
        List<R> rows = chosen.isEmpty() && focus != null ? List.of(focus) : List.copyOf(chosen);
        for (R row : rows) {
            int index = table.getItems().indexOf(row);
            if (index >= 0) {
                table.getSelectionModel().select(index);
            }
        }
        int focusIndex = focus == null ? -1 : table.getItems().indexOf(focus);
        if (focusIndex >= 0) {
            table.getFocusModel().focus(focusIndex);
        }
    }
}
