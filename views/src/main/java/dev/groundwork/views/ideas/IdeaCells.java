package dev.groundwork.views.ideas;

import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.views.common.RowTextCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** The Ideas table's cells that do more than show a text: the status (coloured by its style) and the title. */
final class IdeaCells {

    private IdeaCells() {}

    /** The status's name, with the style class "idea-status-" + that name. */
    static TableCell<IdeaInbox.Row, IdeaInbox.Row> status() {
        return new RowTextCell<>(row -> row.idea().status().wireName(), "idea-status-");
    }

    /** The title: a long one is cut short in its cell; the tooltip (and the detail pane) show it in full. */
    static TableCell<IdeaInbox.Row, IdeaInbox.Row> title() {
        return new RowTextCell<>(row -> row.idea().title(), "") {
            @Override
            protected void updateItem(IdeaInbox.Row row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new Tooltip(row.idea().title()));
            }
        };
    }
}
