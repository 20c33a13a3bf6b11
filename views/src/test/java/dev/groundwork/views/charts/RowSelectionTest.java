package dev.groundwork.views.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A drawn table's selection follows a table view's rules for clicks, drags and keys. */
class RowSelectionTest {

    private final RowSelection selection = new RowSelection();

    @Test
    void aClickSelectsOneCtrlAddsOrRemovesShiftSelectsFromTheAnchor() {
        selection.reset(10);
        selection.click(2, false, false);
        selection.click(5, true, false);
        assertThat(selected()).containsExactly(2, 3, 4, 5);

        selection.click(8, false, true);
        selection.click(3, false, true);
        assertThat(selected()).containsExactly(2, 4, 5, 8);

        selection.click(6, true, false);
        assertThat(selected()).as("Shift runs from the last Ctrl+click's row").containsExactly(3, 4, 5, 6);
        assertThat(selection.focus()).isEqualTo(6);
    }

    @Test
    void keysMoveExtendAndStayInsideTheRows() {
        selection.reset(5);
        selection.moveTo(0, false, false);
        selection.moveTo(1, true, false);
        selection.moveTo(2, true, false);
        assertThat(selected()).containsExactly(0, 1, 2);

        selection.moveTo(99, false, false);
        assertThat(selected()).containsExactly(4);
        selection.moveTo(2, false, true);
        assertThat(selected()).as("Ctrl moves the focus alone").containsExactly(4);
        selection.toggleFocused();
        assertThat(selected()).containsExactly(2, 4);
        assertThat(selection.focus()).isEqualTo(2);
    }

    @Test
    void aDragSelectsTheRowsItCrossesAndANewListComesUnselected() {
        selection.reset(10);
        selection.click(6, false, false);
        selection.dragTo(3, false);
        assertThat(selected()).containsExactly(3, 4, 5, 6);

        selection.reset(4);
        assertThat(selection.isEmpty()).isTrue();
        assertThat(selection.focus()).as("kept on a row that still exists").isEqualTo(3);
        selection.select(List.of(1, 7, 2));
        assertThat(selected()).as("rows past the list are left out").containsExactly(1, 2);
        assertThat(selection.focus()).isEqualTo(1);
    }

    private List<Integer> selected() {
        return selection.rows().boxed().toList();
    }
}
