package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.runs.RunsMonitorViewModel;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9: the first runs the loop starts show on the Runs page while they run, not only once they end. On the real
 * charlm demo study, as the researcher did it: Ctrl+R on the Runs page runs the baseline, the loop stops at the patch
 * gate, the patches are approved, and Ctrl+R on the Runs page runs the first ideas. Each time the page shows the runs
 * running, on busy slots, within one poll of their starting.
 */
@ExtendWith(ApplicationExtension.class)
class WindowRunsLiveFxTest {

    /** One poll, and time for one read of the runs on a busy machine. */
    private static final long WITHIN_ONE_POLL_MS = (long) RunsMonitorViewModel.POLL.toMillis() + 1500;

    @TempDir
    Path temp;

    @Test
    void theLoopsFirstRunsShowRunningOnBusySlotsWithinOnePoll(FxRobot robot) throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path dir = temp.resolve("study");
        assertThat(cli.run("new", dir.toString(), "--template", "charlm").exitCode()).isZero();

        try (WindowFixture window = new WindowFixture(temp.resolve("home"), dir, 1000, 760)) {
            MainViewModel vm = window.vm;
            StudyFolder study = (StudyFolder) vm.studyProperty().get();

            robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
            assertThat(vm.pageProperty().get()).isEqualTo(Page.RUNS);
            robot.push(KeyCode.CONTROL, KeyCode.R);
            showsRunningWithinOnePoll(robot, study, 1, Run::isBaseline);

            // The loop stops at the manual patch gate once the baseline is scored and the ideas are implemented.
            WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !vm.loop().runningProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.loop().messageProperty().get()).startsWith("Epoch 0 waits for review: 4 patches.");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.review().queue().waiting().size() == 4);
            for (int left = 4; left > 0; left--) {
                int after = left - 1;
                WaitForAsyncUtils.asyncFx(() -> vm.review().queue().approve()).get();
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.review().queue().waiting().size() == after);
            }

            // The page now shows the finished baseline and nothing live: the case the researcher hit.
            robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
            assertThat(vm.pageProperty().get()).isEqualTo(Page.RUNS);
            robot.push(KeyCode.CONTROL, KeyCode.R);
            showsRunningWithinOnePoll(robot, study, 2, run -> !run.isBaseline());

            WaitForAsyncUtils.asyncFx(() -> vm.loop().stop()).get();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.loop().runningProperty().get());
        }
    }

    /**
     * Waits until the study has {@code count} runs that match running (read from its database, as {@code status} does),
     * then gives the page one poll to show each of them running, in the table and on a busy slot.
     */
    private static void showsRunningWithinOnePoll(FxRobot robot, StudyFolder study, int count, Predicate<Run> which)
            throws Exception {
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> running(study, which).size() >= count);
        List<Long> ids = running(study, which).stream().limit(count).map(Run::id).toList();
        try {
            WaitForAsyncUtils.waitFor(WITHIN_ONE_POLL_MS, TimeUnit.MILLISECONDS,
                    () -> onFx(() -> showsRunning(robot, ids)));
        } catch (TimeoutException e) {
            throw new AssertionError("Runs " + ids + " run, but " + WITHIN_ONE_POLL_MS + " ms later the Runs page shows "
                    + onFx(() -> describe(robot)), e);
        }
    }

    private static List<Run> running(StudyFolder study, Predicate<Run> which) {
        return study.store().runs().withStatus(RunStatus.RUNNING).stream().filter(which).toList();
    }

    private static boolean showsRunning(FxRobot robot, List<Long> ids) {
        List<RunMonitor.Row> rows = rows(robot);
        List<String> busy = busySlots(robot);
        return ids.stream().allMatch(id -> rows.stream().anyMatch(row -> row.run().id() == id
                        && row.run().status() == RunStatus.RUNNING)
                && busy.stream().anyMatch(slot -> slot.equals("#" + id) || slot.startsWith("#" + id + " ")))
                && hostSummary(robot).endsWith(" · " + ids.size() + " busy");
    }

    private static String describe(FxRobot robot) {
        return "rows " + rows(robot).stream().map(row -> row.run().id() + " " + row.run().status().wireName())
                .collect(Collectors.joining(", ", "[", "]")) + ", host '" + hostSummary(robot) + "', busy slots "
                + busySlots(robot);
    }

    @SuppressWarnings("unchecked")
    private static List<RunMonitor.Row> rows(FxRobot robot) {
        return robot.lookup("#runs-table").tryQuery().map(table -> List.copyOf(((TableView<RunMonitor.Row>) table)
                .getItems())).orElse(List.of());
    }

    private static List<String> busySlots(FxRobot robot) {
        return robot.lookup(".runs-slot-busy .runs-slot-run").queryAllAs(Label.class).stream()
                .filter(WindowRunsLiveFxTest::inScene).map(Label::getText).toList();
    }

    private static String hostSummary(FxRobot robot) {
        return robot.lookup("#runs-host-local .runs-host-summary").queryAllAs(Label.class).stream()
                .filter(WindowRunsLiveFxTest::inScene).map(Label::getText).findFirst().orElse("(no host line)");
    }

    private static boolean inScene(Node node) {
        return node.getScene() != null;
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
