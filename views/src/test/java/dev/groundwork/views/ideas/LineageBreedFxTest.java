package dev.groundwork.views.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.charts.LineageCanvas;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.TestWindow;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import dev.groundwork.views.shell.StudyDesks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Breeding from the Lineage page: choose two nodes on the tree, Breed…, and the new idea is stored with both parents. */
@ExtendWith(ApplicationExtension.class)
class LineageBreedFxTest {

    @TempDir
    Path temp;

    private IdeasStudy fixture;
    private Idea cosine;
    private Idea momentum;
    private final TestWindow window = new TestWindow();

    @BeforeEach
    void open() throws Exception {
        fixture = new IdeasStudy(temp);
        cosine = fixture.propose(IdeaOrigin.CATALOG, "Cosine schedule", "Decay the learning rate along a cosine.", List.of());
        momentum = fixture.propose(IdeaOrigin.CATALOG, "Heavy-ball momentum", "Momentum 0.9.", List.of());
        fixture.finishedRun(cosine, 0.41237);
        fixture.finishedRun(momentum, 0.38);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        fixture.close();
    }

    @Test
    void twoNodesChosenOnTheTreeAreBredFrom(FxRobot robot) throws Exception {
        StudyDesks desks = new StudyDesks() {
            @Override
            public Optional<IdeaInbox> inbox(Study study) {
                return Optional.of(fixture.inbox);
            }

            @Override
            public Optional<PatchReview> review(Study study) {
                return Optional.empty();
            }

            @Override
            public Optional<StudyAnalytics> analytics(Study study) {
                return Optional.of(new StudyAnalytics(fixture.study));
            }
        };
        MainViewModel vm = new MainViewModel(new FakeStudies().with(fixture.study), new SameThreadTaskExecutor(),
                Theme.LIGHT, desks, "ada");
        window.show(() -> new MainView(vm).root(), 1200, 800);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.openStudy(fixture.study.dir());
            vm.pageProperty().set(Page.LINEAGE);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        LineageCanvas canvas = robot.lookup("#lineage-canvas").queryAs(LineageCanvas.class);
        Button breed = robot.lookup("#lineage-breed").queryAs(Button.class);
        assertThat(breed.isDisabled()).as("nothing chosen yet").isTrue();

        robot.clickOn(canvas.localToScreen(canvas.screenPoint(cosine.id())));
        // The headless robot's clicks carry no modifier keys: the sibling is chosen by key, as a researcher can too.
        robot.type(KeyCode.DOWN).type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.lineage().selectedProperty().get()).isEqualTo(momentum.id());
        assertThat(vm.lineage().chosen()).containsExactly(cosine.id(), momentum.id());
        assertThat(breed.isDisabled()).isFalse();

        robot.clickOn(breed);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#breed-parents").queryLabeled().getText()).contains("Cosine schedule  ·  reward 0.4124")
                .contains("Heavy-ball momentum  ·  reward 0.3800");
        assertThat(robot.lookup("#breed-problem").queryAs(Node.class).isVisible()).isFalse();
        robot.clickOn("#breed-ok");
        WaitForAsyncUtils.waitForFxEvents();

        Idea child = fixture.study.store().ideas().all().getLast();
        assertThat(child.id()).isNotIn(cosine.id(), momentum.id());
        assertThat(child.parents()).containsExactlyInAnyOrder(cosine.id(), momentum.id());
    }
}
