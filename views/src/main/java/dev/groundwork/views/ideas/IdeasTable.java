package dev.groundwork.views.ideas;

import static dev.groundwork.views.common.TableColumns.fillRest;
import static dev.groundwork.views.common.TableColumns.rowText;

import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.views.common.TableSelection;
import java.util.List;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The Ideas page's table: the filtered ideas in the order of the columns the researcher clicked, several chosen at once,
 * in step with the view model's chosen and selected ideas.
 */
final class IdeasTable {

    private final IdeasInboxViewModel vm;
    private final TableView<IdeaInbox.Row> table = new TableView<>();

    IdeasTable(IdeasInboxViewModel vm) {
        this.vm = vm;
        table.setId("ideas-table");
        // A sorted view of the filtered rows, ordered by the columns the researcher clicked: reading the rows again
        // (the loop's progress, a decision) keeps that order, because the comparator stays bound to the table's.
        vm.sorted().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(vm.sorted());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No idea matches the filter."));
        TableColumn<IdeaInbox.Row, IdeaInbox.Row> title = rowText("Title", row -> row.idea().title(),
                IdeasInboxViewModel.BY_TITLE, 180, "");
        title.setId("ideas-title-column");
        title.setCellFactory(c -> IdeaCells.title());
        TableColumn<IdeaInbox.Row, IdeaInbox.Row> status = rowText("Status", row -> row.idea().status().wireName(),
                IdeasInboxViewModel.BY_STATUS, 100, "");
        status.setCellFactory(c -> IdeaCells.status());
        TableColumn<IdeaInbox.Row, IdeaInbox.Row> reward = rowText("Reward", IdeasInboxViewModel::reward,
                vm.rewardOrder(), 78, "number");
        reward.setId("ideas-reward-column"); // sorts the best first: the lowest when the study minimizes its reward
        table.getColumns().setAll(List.of(
                rowText("#", row -> String.valueOf(row.idea().id()), IdeasInboxViewModel.BY_ID, 38, "number"),
                status,
                rowText("Epoch", row -> String.valueOf(row.idea().epoch()), IdeasInboxViewModel.BY_EPOCH, 64, "number"),
                rowText("Origin", row -> row.idea().origin().wireName(), IdeasInboxViewModel.BY_ORIGIN, 84, ""),
                title,
                reward,
                rowText("Runs", row -> String.valueOf(row.runs()), IdeasInboxViewModel.BY_RUNS, 56, "number"),
                rowText("Parents", IdeasInboxViewModel::parents, IdeasInboxViewModel.BY_PARENTS, 76, "")));
        // Every column but the title keeps its width (room for its name beside the sort arrow): the room left goes to
        // the title, however long the titles are.
        fillRest(table, title, 120);
        TableSelection.multiple(table, vm.selection(), vm.selectedProperty());
    }

    TableView<IdeaInbox.Row> node() {
        return table;
    }

    /** Moves the selection and keeps the selected row in view, scrolling only when it is not. */
    void move(int offset) {
        vm.move(offset);
        int index = table.getItems().indexOf(vm.selectedProperty().get());
        if (index >= 0 && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (first == null || last == null || index <= first.getIndex() || index >= last.getIndex()) {
                flow.scrollTo(index);
            }
        }
        table.requestFocus();
    }
}
