package dev.groundwork.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.review.PatchReview;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.fakes.TestWindow;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The diff pane builds its code areas only for a page on screen: a diff that comes while the page is away waits. */
@ExtendWith(ApplicationExtension.class)
class ReviewDiffPaneFxTest {

    private final TestWindow window = new TestWindow();

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void aDiffThatComesWhileThePageIsNotShownIsBuiltWhenItIs() throws Exception {
        StackPane host = new StackPane();
        window.show(() -> host, 800, 600);
        ReviewFilesViewModel files = new ReviewFilesViewModel(new SameThreadTaskExecutor());
        ReviewDiffPane pane = WaitForAsyncUtils.asyncFx(() -> {
            ReviewDiffPane detached = new ReviewDiffPane(files, new SimpleBooleanProperty(false), Runnable::run);
            files.show("Reading", progress -> List.of(new PatchReview.FileChange("train.py", "a = 1\n", "a = 2\n")), false,
                    "", failure -> {});
            return detached;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(files.diffProperty().get()).as("the rows are aligned").isNotNull();
        assertThat(pane.view()).as("no code areas for a page nobody sees").isEmpty();

        WaitForAsyncUtils.asyncFx(() -> host.getChildren().add(pane.root())).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(pane.view()).isPresent();
        assertThat(pane.view().orElseThrow().rightText()).isEqualTo("a = 2\n");
    }
}
