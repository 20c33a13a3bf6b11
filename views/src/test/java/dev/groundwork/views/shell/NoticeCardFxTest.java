package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.fakes.TestWindow;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The loop's news as a band under the page: shown with its title and sentence, the latest replacing the one before, closed by a click. */
@ExtendWith(ApplicationExtension.class)
class NoticeCardFxTest {

    private final TestWindow window = new TestWindow();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void aNoticeShowsUnderThePageWithoutCoveringItAndAClickClosesIt(FxRobot robot) throws Exception {
        NoticeCard notices = WaitForAsyncUtils.asyncFx(NoticeCard::new).get();
        window.show(() -> {
            StackPane page = new StackPane(new Label("the page"));
            page.setId("the-page");
            javafx.scene.layout.VBox.setVgrow(page, javafx.scene.layout.Priority.ALWAYS);
            javafx.scene.layout.VBox window = new javafx.scene.layout.VBox(page, notices.root());
            dev.groundwork.views.common.ThemeStylesheets.apply(window, dev.groundwork.views.common.Theme.LIGHT);
            return window;
        }, 900, 600);
        assertThat(notices.showing()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> {
            notices.show(new LoopViewModel.Notice("Epoch 1 waits for review", "4 patches to review."));
            notices.show(new LoopViewModel.Notice("Epoch 1 is complete", "Best 0.9903 (baseline 1.2100)."));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(notices.showing()).isTrue();
        assertThat(robot.lookup("#loop-notice .notice-title").queryAs(Label.class).getText()).isEqualTo("Epoch 1 is complete");
        assertThat(robot.lookup("#loop-notice .notice-text").queryAs(Label.class).getText())
                .isEqualTo("Best 0.9903 (baseline 1.2100).");
        javafx.scene.Node band = robot.lookup("#loop-notice").query();
        javafx.scene.Node page = robot.lookup("#the-page").query();
        javafx.geometry.Bounds bandBounds = band.localToScene(band.getBoundsInLocal());
        javafx.geometry.Bounds pageBounds = page.localToScene(page.getBoundsInLocal());
        assertThat(bandBounds.getMinY()).as("under the page, covering none of it").isGreaterThanOrEqualTo(pageBounds.getMaxY());
        assertThat(bandBounds.getMaxY()).as("at the window's bottom").isCloseTo(600, org.assertj.core.api.Assertions.within(1.0));
        window.snapshot(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), "gw-notice.png");

        robot.clickOn("#loop-notice");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notices.showing()).isFalse();
        assertThat(page.getBoundsInLocal().getHeight()).as("the page takes the room back").isCloseTo(600, org.assertj.core.api.Assertions.within(1.0));
    }
}
