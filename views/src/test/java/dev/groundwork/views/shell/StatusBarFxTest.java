package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FakeStudy;
import dev.groundwork.views.fakes.TestWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar with a long loop message: Run, Pause and Stop keep their size, the message gives way. */
@ExtendWith(ApplicationExtension.class)
class StatusBarFxTest {

    private static final String LONG_PROGRESS = "Epoch 2 of 3 · running 4 runs, 1 of 4 done · best 1.1532 (baseline"
            + " 1.2100) · the next epoch's ideas are proposed once the runs on cpu0 and cpu1 have ended";
    private static final String LONG_OUTCOME = "Epoch 2 waits for review: 4 ideas and 3 patches. Approve or reject them"
            + " on the Review page, then run the loop again; nothing runs until then.";

    @TempDir
    Path temp;

    private final TestWindow window = new TestWindow();
    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(new FxUiThread());
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        release.countDown();
        window.close();
        WaitForAsyncUtils.asyncFx(tasks::close).get();
    }

    @Test
    void runPauseAndStopKeepTheirTextWhileALongMessageIsElided(FxRobot robot) throws Exception {
        FakeStudy study = FakeStudy.writable("charlm", temp.resolve("a-study-folder-whose-path-is-rather-long/charlm"));
        MainViewModel vm = new MainViewModel(new FakeStudies().with(study), tasks, Theme.LIGHT, new LongLoop(), "ada");
        window.show(() -> new MainView(vm).root(), 960, 640);
        WaitForAsyncUtils.asyncFx(() -> vm.openStudy(study.dir())).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.studyProperty().get() != null);

        WaitForAsyncUtils.asyncFx(() -> vm.loop().start()).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.loop().messageProperty().get().equals(LONG_PROGRESS));
        WaitForAsyncUtils.waitForFxEvents();
        window.snapshot(temp, "status-bar-long-progress.png");
        onFx(() -> assertButtonsWhole(robot));
        onFx(() -> assertElidedInTheBar(robot, LONG_PROGRESS));

        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.loop().messageProperty().get().equals(LONG_OUTCOME));
        WaitForAsyncUtils.waitForFxEvents();
        window.snapshot(temp, "status-bar-long-outcome.png");
        onFx(() -> assertButtonsWhole(robot));
        onFx(() -> assertElidedInTheBar(robot, LONG_OUTCOME));
    }

    /**
     * Runs assertions that read sizes and bounds on the FX thread: computed on the test's thread while the FX thread
     * lays the window out (the loop's progress comes in meanwhile), they can corrupt the scene graph's cached bounds.
     */
    private static void onFx(Runnable assertions) throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(assertions).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw e;
        }
    }

    private static void assertButtonsWhole(FxRobot robot) {
        for (String id : List.of("#loop-run", "#loop-pause", "#loop-stop")) {
            Button button = robot.lookup(id).queryButton();
            assertThat(button.getWidth()).as(id + " width").isGreaterThanOrEqualTo(button.prefWidth(-1) - 0.5);
            assertThat(shownText(button)).as(id + " text").isEqualTo(button.getText());
        }
    }

    private static void assertElidedInTheBar(FxRobot robot, String message) {
        Label label = robot.lookup("#status-loop").queryAs(Label.class);
        assertThat(label.getText()).isEqualTo(message);
        assertThat(shownText(label)).as("the message gives way").endsWith(label.getEllipsisString())
                .hasSizeLessThan(message.length());
        Node bar = robot.lookup("#status-bar").query();
        double right = label.localToScene(label.getBoundsInLocal()).getMaxX();
        assertThat(right).as("within the bar").isLessThanOrEqualTo(bar.localToScene(bar.getBoundsInLocal()).getMaxX());
        assertThat(label.getTooltip().getText()).as("the whole message on hover").isEqualTo(message);
    }

    /** What a labeled control draws: its text, or less and an ellipsis when it has too little room. */
    private static String shownText(Node labeled) {
        return ((Text) labeled.lookup(".text")).getText();
    }

    /** A loop that reports a long progress line, waits for the test, then returns with a long sentence. */
    private final class LongLoop implements StudyDesks {

        @Override
        public Optional<IdeaInbox> inbox(Study study) {
            return Optional.empty();
        }

        @Override
        public Optional<PatchReview> review(Study study) {
            return Optional.empty();
        }

        @Override
        public Optional<LoopRunner> loop(Study study) {
            return Optional.of(new LoopRunner() {
                @Override
                public LoopOutcome run(LoopEvents events) throws Exception {
                    events.note(LONG_PROGRESS);
                    release.await(30, TimeUnit.SECONDS);
                    return new LoopOutcome(LoopOutcome.Kind.WAITING_FOR_REVIEW, LONG_OUTCOME);
                }

                @Override
                public void pause() {}

                @Override
                public void stop() {
                    release.countDown();
                }
            });
        }
    }
}
