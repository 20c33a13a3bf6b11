package dev.groundwork.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.patch.Patch;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FixedDesks;
import dev.groundwork.views.review.diff.SideBySide;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Review page opened the way a researcher opens it: the study opens on the Ideas page, its waiting patch is read
 * and aligned in the background while the Review page is not shown, then the page is picked. From the first frame on,
 * both sides must show the same row at the top, and settle on the patch's first change; so after picking other patches.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewAlignmentFxTest {

    private static final int CONTEXT_ROWS = 3;

    @TempDir
    Path temp;

    private ReviewStudy fixture;
    private BackgroundTaskExecutor tasks;
    private Stage stage;
    private AnimationTimer timer;
    /** The top rows (left, right) of the diff shown at the start of each frame, i.e. as the last frame drew them. */
    private final List<Frame> drawn = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            if (timer != null) {
                timer.stop();
            }
            if (stage != null) {
                stage.close();
            }
            if (tasks != null) {
                tasks.close();
            }
            return null;
        });
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void bothSidesShowTheSameTopRowFromTheFirstFrameOnAndOpenOnTheFirstChange() throws Exception {
        fixture = new ReviewStudy(temp, "charlm");
        Patch far = fixture.waiting("Clip the global gradient norm at 1.0", "grad-clip"); // train.py, change at row ~37
        Patch nearEnd = fixture.waiting("SGD with dampened momentum 0.9", "momentum"); // model.py, change near its end
        Patch near = fixture.waiting("See 10 characters of history", "longer-context"); // train.py, change at row ~10
        tasks = new BackgroundTaskExecutor(new FxUiThread());
        MainViewModel vm = new MainViewModel(new FakeStudies().with(fixture.study), tasks, Theme.LIGHT,
                FixedDesks.review(fixture.review), "ada");
        ReviewQueueViewModel queue = vm.review().queue();
        fx(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new MainView(vm).root(), 980, 660));
            stage.show();
            vm.openStudy(fixture.study.dir());
            return null;
        });
        // The first patch is read and aligned while the Ideas page is shown.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> queue.shownFiles().diffProperty().get() != null));
        assertThat(fx(() -> queue.selectedProperty().get().patchId())).isEqualTo(far.id());

        fx(() -> {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    record();
                }
            };
            timer.start();
            vm.pageProperty().set(Page.REVIEW);
            return null;
        });
        expectOpenedOnFirstChange(queue, true);

        for (Patch next : List.of(nearEnd, near, far)) {
            drawn.clear();
            fx(() -> {
                queue.selectedProperty().set(queue.waiting().stream().filter(item -> item.patchId() == next.id())
                        .findFirst().orElseThrow());
                return null;
            });
            expectOpenedOnFirstChange(queue, next != nearEnd);
        }
    }

    /**
     * Waits until the shown diff's right side has settled on its first change (three rows of context above it, or as
     * far down as the last rows allow), then checks that every frame drawn meanwhile had both sides on the same top row.
     */
    private void expectOpenedOnFirstChange(ReviewQueueViewModel queue, boolean roomBelow) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> {
            SideBySide diff = queue.shownFiles().diffProperty().get();
            CodeArea right = area(".diff-right");
            return diff != null && right != null && right.getHeight() > 0 && !right.getVisibleParagraphs().isEmpty()
                    && right.getParagraphs().size() == diff.rows().size();
        }));
        int firstChange = fx(() -> queue.shownFiles().diffProperty().get().nextHunk(-1).orElseThrow());
        try {
            if (roomBelow) {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> top(".diff-right") == firstChange - CONTEXT_ROWS);
            } else {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> top(".diff-right") > 0
                        && fx(() -> area(".diff-right").lastVisibleParToAllParIndex()) >= firstChange);
            }
        } catch (TimeoutException settledElsewhere) {
            // The assertions below say where.
        }
        // Some frames later, nothing has moved.
        awaitFrames(10);
        int top = top(".diff-right");
        List<Frame> frames = List.copyOf(drawn);
        assertThat(frames).as("frames drawn").isNotEmpty();
        assertThat(top(".diff-left")).as("both sides' top row, settled").isEqualTo(top);
        assertThat(top).as("the first change in view").isLessThanOrEqualTo(firstChange);
        if (roomBelow) {
            assertThat(top).as("three rows above the first change; the last frames drawn: %s",
                    frames.subList(Math.max(0, frames.size() - 5), frames.size())).isEqualTo(firstChange - CONTEXT_ROWS);
        }
        assertThat(frames).as("every frame drawn showed the same top row on both sides").allMatch(Frame::aligned);
    }

    /** The top rows of the two sides in one frame. */
    private record Frame(int left, int right) {
        boolean aligned() {
            return left == right;
        }
    }

    /** At the start of a frame: what the previous one drew, when a diff is on screen. */
    private void record() {
        CodeArea left = area(".diff-left");
        CodeArea right = area(".diff-right");
        if (left != null && right != null && left.getHeight() > 0 && right.getHeight() > 0
                && !left.getVisibleParagraphs().isEmpty() && !right.getVisibleParagraphs().isEmpty()) {
            drawn.add(new Frame(left.firstVisibleParToAllParIndex(), right.firstVisibleParToAllParIndex()));
        }
    }

    private void awaitFrames(int count) throws Exception {
        int start = drawn.size();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> drawn.size() >= start + count);
    }

    private CodeArea area(String side) {
        return stage.getScene() == null ? null : (CodeArea) stage.getScene().getRoot().lookup(side);
    }

    private int top(String side) {
        return fx(() -> area(side).firstVisibleParToAllParIndex());
    }

    private static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
