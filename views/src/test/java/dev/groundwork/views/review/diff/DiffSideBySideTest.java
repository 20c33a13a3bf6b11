package dev.groundwork.views.review.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The model: alignment, fillers, hunks and counts, with no toolkit. */
class DiffSideBySideTest {

    private final SideBySide diff = SideBySide.of(DiffFixtures.PATH, DiffFixtures.BEFORE, DiffFixtures.AFTER);

    @Test
    void aMultiHunkDiffLinesBothVersionsUpRowForRow() {
        assertThat(diff.rows()).hasSize(34);
        assertThat(kinds(diff.rows().subList(16, 22))).containsExactly(RowKind.SAME, RowKind.CHANGED, RowKind.ADDED,
                RowKind.ADDED, RowKind.ADDED, RowKind.SAME);
        DiffRow changed = diff.rows().get(17);
        assertThat(changed.left()).extracting(DiffLine::number, DiffLine::text).containsExactly(17, "    return cfg.lr");
        assertThat(changed.right()).extracting(DiffLine::number, DiffLine::text)
                .containsExactly(18, "    if step < cfg.warmup:");
        DiffRow removed = diff.rows().get(28);
        assertThat(removed.kind()).isEqualTo(RowKind.REMOVED);
        assertThat(removed.left().text()).contains("print(");
        assertThat(removed.right()).isEqualTo(DiffLine.FILLER);
    }

    @Test
    void fillersKeepEverySideNumberedLikeItsFile() {
        assertThat(diff.rows().stream().map(DiffRow::left).filter(line -> !line.isFiller()).map(DiffLine::number))
                .containsExactlyElementsOf(range(1, 30));
        assertThat(diff.rows().stream().map(DiffRow::right).filter(line -> !line.isFiller()).map(DiffLine::number))
                .containsExactlyElementsOf(range(1, 33));
        assertThat(diff.rows().stream().filter(row -> row.left().isFiller())).allMatch(row -> row.kind() == RowKind.ADDED);
        assertThat(diff.rows().stream().filter(row -> row.right().isFiller())).allMatch(row -> row.kind() == RowKind.REMOVED);
        assertThat(diff.rows().stream().filter(row -> row.kind() == RowKind.SAME))
                .allMatch(row -> row.left().text().equals(row.right().text()));
    }

    @Test
    void changedRowsCarryTheirIntraLineChanges() {
        DiffRow constant = diff.rows().get(3);
        String after = constant.right().text();
        assertThat(constant.kind()).isEqualTo(RowKind.CHANGED);
        assertThat(texts(constant.left())).containsExactly("LR", "3e");
        assertThat(texts(constant.right())).containsExactly("LEARNING_RATE", "6e", ", doubled");
        assertThat(constant.right().changes().getLast().end()).isEqualTo(after.length());
        assertThat(diff.rows().get(0).left().changes()).isEmpty();
    }

    @Test
    void hunksStartWhereRunsOfChangesStart() {
        assertThat(diff.hunkStarts()).containsExactly(3, 10, 13, 17, 28, 33);
        assertThat(diff.nextHunk(-1)).hasValue(3);
        assertThat(diff.nextHunk(3)).hasValue(10);
        assertThat(diff.nextHunk(18)).hasValue(28);
        assertThat(diff.nextHunk(33)).isEmpty();
        assertThat(diff.previousHunk(19)).as("from inside a hunk: its start").hasValue(17);
        assertThat(diff.previousHunk(17)).hasValue(13);
        assertThat(diff.previousHunk(3)).isEmpty();
        assertThat(diff.hunkEnd(17)).isEqualTo(21);
        assertThat(diff.hunkEnd(33)).isEqualTo(34);
    }

    @Test
    void countsAddedAndRemovedLinesLikeGitNumstat() {
        assertThat(diff.added()).isEqualTo(8);
        assertThat(diff.removed()).isEqualTo(5);
        assertThat(diff.notes()).isEmpty();
    }

    @Test
    void aNewFileIsAllAddedRowsFacingFillers() {
        SideBySide created = SideBySide.of("new.py", "", "a = 1\nb = 2\n");

        assertThat(kinds(created.rows())).containsExactly(RowKind.ADDED, RowKind.ADDED);
        assertThat(created.rows()).allMatch(row -> row.left().isFiller());
        assertThat(created.hunkStarts()).containsExactly(0);
        assertThat(created.added()).isEqualTo(2);
        assertThat(created.removed()).isZero();
        assertThat(created.notes()).containsExactly("new file");
    }

    @Test
    void aDeletedFileIsAllRemovedRowsFacingFillers() {
        SideBySide deleted = SideBySide.of("old.py", "a = 1\nb = 2\n", "");

        assertThat(kinds(deleted.rows())).containsExactly(RowKind.REMOVED, RowKind.REMOVED);
        assertThat(deleted.rows()).allMatch(row -> row.right().isFiller());
        assertThat(deleted.removed()).isEqualTo(2);
        assertThat(deleted.notes()).containsExactly("deleted file");
    }

    @Test
    void droppingTheFinalNewlineChangesTheLastLineAsGitShowsIt() {
        SideBySide dropped = SideBySide.of("a.py", "x = 1\ny = 2\n", "x = 1\ny = 2");

        assertThat(kinds(dropped.rows())).containsExactly(RowKind.SAME, RowKind.CHANGED);
        assertThat(dropped.rows().get(1).right().changes()).as("the text itself did not change").isEmpty();
        assertThat(dropped.notes()).containsExactly("no newline at end of file");
        assertThat(SideBySide.of("a.py", "x = 1", "x = 1\n").notes()).containsExactly("newline added at end of file");
    }

    @Test
    void crlfFilesCompareByTheirLinesAndKeepTheirSeparator() {
        SideBySide crlf = SideBySide.of("a.py", "x = 1\r\ny = 2\r\n", "x = 1\r\ny = 3\r\n");

        assertThat(kinds(crlf.rows())).containsExactly(RowKind.SAME, RowKind.CHANGED);
        assertThat(crlf.rows().get(1).right().text()).isEqualTo("y = 3");
        assertThat(crlf.after().separator()).isEqualTo("\r\n");
        assertThat(crlf.notes()).isEmpty();
        assertThat(SideBySide.of("a.py", "x = 1\r\n", "x = 1\n").notes()).containsExactly("line endings CRLF → LF");
    }

    @Test
    void tabsStayInTheTextAndCountAsCharacters() {
        SideBySide tabs = SideBySide.of("a.py", "if x:\n\treturn 1\n", "if x:\n\treturn 2\n");

        DiffRow row = tabs.rows().get(1);
        assertThat(row.right().text()).isEqualTo("\treturn 2");
        assertThat(row.right().changes()).containsExactly(new TextRange(8, 9));
    }

    @Test
    void twoEmptyFilesHaveNoRows() {
        SideBySide empty = SideBySide.of("a.py", "", "");

        assertThat(empty.rows()).isEmpty();
        assertThat(empty.hunkStarts()).isEmpty();
        assertThat(empty.notes()).isEmpty();
    }

    private static List<RowKind> kinds(List<DiffRow> rows) {
        return rows.stream().map(DiffRow::kind).toList();
    }

    private static List<String> texts(DiffLine line) {
        return line.changes().stream().map(range -> line.text().substring(range.start(), range.end())).toList();
    }

    private static List<Integer> range(int first, int last) {
        return java.util.stream.IntStream.rangeClosed(first, last).boxed().toList();
    }
}
