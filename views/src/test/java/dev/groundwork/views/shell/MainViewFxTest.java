package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FirstFrames;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.PngSnapshots;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.fakes.FakeStudies;
import dev.groundwork.views.fakes.FakeStudy;
import dev.groundwork.views.fakes.RootStyles;
import dev.groundwork.views.fakes.Statuses;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell on the headless platform, with the real background executor and a fake study. */
@ExtendWith(ApplicationExtension.class)
class MainViewFxTest {

    private final FakeStudy study = FakeStudy.writable("charlm-demo", Path.of("/studies/charlm-demo"));
    private final FakeStudy held = new FakeStudy("held", Path.of("/studies/held"), "Another Groundwork has this study open.",
            Statuses.sample("held"));
    private BackgroundTaskExecutor executor;
    private MainViewModel vm;
    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new BackgroundTaskExecutor(new FxUiThread());
        vm = new MainViewModel(new FakeStudies().with(study).with(held), executor, Theme.LIGHT);
        view = new MainView(vm);
        view.install(stage, 960, 640);
        stage.show();
        vm.openStudy(study.dir());
    }

    @AfterEach
    void closeExecutor() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(executor::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSidebarHasSixEntriesAndEachShowsItsPage(FxRobot robot) throws TimeoutException {
        awaitStudy(robot);
        assertThat(robot.lookup(".nav-item").queryAllAs(ToggleButton.class))
                .extracting(ToggleButton::getText)
                .containsExactly("Ideas", "Review", "Runs", "Analytics", "Lineage", "Settings");

        for (Page page : Page.values()) {
            robot.clickOn("#nav-" + page.key());
            assertThat(robot.lookup("#page-content #page-" + page.key()).tryQuery()).as(page.title()).isPresent();
            assertThat(robot.lookup("#page-content .page-title").queryAs(Label.class).getText()).isEqualTo(page.title());
        }
    }

    @Test
    void theShellIteratesOneViewPerPageInNavigationOrder() throws Exception {
        MainView view = WaitForAsyncUtils.asyncFx(() -> new MainView(vm)).get();
        assertThat(view.pages()).extracting(PageView::page).containsExactly(Page.values());
        assertThat(view.pages()).allSatisfy(page -> assertThat(page.root().getId()).isEqualTo("page-" + page.key()));
        assertThat(Page.byKey("RUNS")).contains(Page.RUNS);
        assertThat(Page.byKey("nowhere")).isEmpty();
        Parent ideas = view.pages().getFirst().root();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PageView.byPage(List.of(PageView.of(Page.IDEAS, ideas))), "the other pages have no view");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PageView.byPage(
                List.of(PageView.of(Page.IDEAS, ideas), PageView.of(Page.IDEAS, ideas))), "two views for one page");
    }

    @Test
    void pagesShowTheStudysNumbers(FxRobot robot) throws TimeoutException {
        awaitStudy(robot);

        assertThat(robot.lookup("#page-ideas .fact-value").queryAllAs(Label.class)).extracting(Label::getText).contains("12");
        assertThat(robot.lookup("#page-ideas .fact-detail").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("3\u00a0proposed\u00a0· 9\u00a0implemented");
    }

    @Test
    void ctrlDigitSwitchesPages(FxRobot robot) throws TimeoutException {
        awaitStudy(robot);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);

        assertThat(robot.lookup("#page-content #page-runs").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-runs").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void aPagesKeysWorkRightAfterCtrlDigitWithoutAClick(FxRobot robot) throws TimeoutException {
        awaitStudy(robot);
        boolean follow = vm.runs().monitor().log().followProperty().get();

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        robot.type(KeyCode.F); // the Runs page's follow key

        assertThat(vm.runs().monitor().log().followProperty().get()).isEqualTo(!follow);
        assertThat(inPage(stage.getScene().getFocusOwner(), "page-runs")).isTrue();
    }

    @Test
    void theFirstPageHasTheFocusWhenTheWindowOpens(FxRobot robot) throws TimeoutException {
        awaitStudy(robot);

        assertThat(inPage(stage.getScene().getFocusOwner(), "page-ideas"))
                .as("focus on %s", stage.getScene().getFocusOwner()).isTrue();
    }

    private static boolean inPage(Node node, String pageId) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (pageId.equals(at.getId())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theStatusBarAndTitleNameTheStudy(FxRobot robot) throws TimeoutException {
        awaitStudy(robot);

        assertThat(robot.lookup("#status-study-path").queryAs(Label.class).getText()).isEqualTo(study.dir().toString());
        assertThat(robot.lookup("#status-read-only").queryAs(Label.class).isVisible()).isFalse();
        assertThat(stage.getTitle()).isEqualTo("charlm-demo · 2 patches wait for review — Groundwork");
    }

    @Test
    void aReadOnlyStudyShowsItsBadgeAndReason(FxRobot robot) throws TimeoutException {
        awaitStudy(robot);
        assertThat(robot.lookup("#read-only-banner").query().isVisible()).isFalse();

        robot.interact(() -> vm.openStudy(held.dir()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#read-only-banner").query().isVisible());

        assertThat(robot.lookup("#read-only-reason").queryAs(Label.class).getText()).isEqualTo("Another Groundwork has this study open.");
        assertThat(robot.lookup("#status-read-only").query().isVisible()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("held (read-only) · 2 patches wait for review — Groundwork");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, study::isClosed);
    }

    @Test
    void aFailedOpenShowsItsSentenceInADialog(FxRobot robot) throws TimeoutException {
        awaitStudy(robot);

        robot.interact(() -> vm.openStudy(Path.of("/nowhere")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());

        assertThat(robot.lookup("#error-dialog .content").queryAs(Label.class).getText())
                .isEqualTo("/nowhere is not a study folder: it has no groundwork.yaml.");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void theThemeTogglesWithItsShortcut(FxRobot robot) throws TimeoutException {
        awaitStudy(robot);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.T).release(KeyCode.SHIFT, KeyCode.CONTROL);

        assertThat(vm.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(robot.lookup("#main-root").query().getParent()).isNull();
        assertThat(((javafx.scene.Parent) robot.lookup("#main-root").query()).getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
    }

    @Test
    void theWindowRendersToANonTrivialPng(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitStudy(robot);
        Path png = dir.resolve("shell.png");

        WaitForAsyncUtils.asyncFx(() -> {
            PngSnapshots.write(stage.getScene(), png);
            return null;
        }).get(10, TimeUnit.SECONDS);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(960);
        assertThat(image.getHeight()).isEqualTo(640);
        assertThat(distinctColours(image)).as("text, cards and chrome, not a blank").isGreaterThan(50);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void aPageShownForTheFirstTimeEndsItsFrameWithNothingLeftToStyle(FxRobot robot) throws Exception {
        awaitStudy(robot);
        java.util.List<String> rootStylesAtFrameEnd = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Scene scene = stage.getScene();
            scene.addPostLayoutPulseListener(() -> {
                if (robot.lookup("#page-content #page-settings").tryQuery().isPresent() && rootStylesAtFrameEnd.isEmpty()) {
                    rootStylesAtFrameEnd.add(RootStyles.flag(scene.getRoot()));
                }
            });
            vm.pageProperty().set(Page.SETTINGS); // its fields and buttons make their skins the first time it is styled
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !rootStylesAtFrameEnd.isEmpty());

        // Left marked, the next frame, with nothing changed, would repaint the whole window.
        assertThat(rootStylesAtFrameEnd).containsExactly("CLEAN");
    }

    @Test
    void pagesNotShownYetArePreparedHiddenWhileTheShownPageStaysOnTop(FxRobot robot) throws Exception {
        awaitStudy(robot);
        Parent ideas = root(Page.IDEAS);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> prepared = new java.util.concurrent.CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Parent content = (Parent) stage.getScene().lookup("#page-content");
            stage.getScene().addPostLayoutPulseListener(() -> {
                List<Node> children = content.getChildrenUnmodifiable();
                if (!children.stream().filter(Node::isVisible).toList().equals(List.of(ideas))) {
                    seen.add("something else on the page: " + children);
                }
                children.stream().filter(child -> !child.isVisible()).forEach(hidden -> seen.add(hidden.getId()));
            });
            view.preparePages(() -> prepared.complete(null));
        }).get();
        prepared.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        // Each page not shown that takes its first frames in steps was put behind the shown one, hidden, in turn; the
        // shown one never left the top. The pages styled whole at their first show are left to it.
        assertThat(seen).noneMatch(id -> id.startsWith("something else"));
        assertThat(seen.stream().distinct().toList()).containsExactly("page-analytics", "page-lineage");
        Parent content = (Parent) stage.getScene().lookup("#page-content");
        for (Page page : List.of(Page.ANALYTICS, Page.LINEAGE)) {
            assertThat(FirstFrames.settled(root(page))).as(page + "'s sections all in").isTrue();
            assertThat(controlsWithoutSkin(root(page))).as(page + "'s controls have their skins").isEmpty();
            // It waits hidden where it was prepared, out of the layout, until it is shown.
            assertThat(root(page).getParent()).isSameAs(content);
            assertThat(root(page).isVisible() || root(page).isManaged()).isFalse();
        }
        assertThat(controlsWithoutSkin(root(Page.SETTINGS))).as("Settings is styled when first shown").isNotEmpty();

        // Shown now, Analytics takes no first frames' step (its sections are in already) and stays where it was; the
        // page shown before goes, the page prepared and not shown yet waits on.
        List<Boolean> settledWhenShown = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.pageProperty().set(Page.ANALYTICS);
            settledWhenShown.add(FirstFrames.settled(root(Page.ANALYTICS)));
        }).get();
        assertThat(settledWhenShown).containsExactly(true);
        assertThat(content.getChildrenUnmodifiable())
                .containsExactlyInAnyOrder(root(Page.ANALYTICS), root(Page.LINEAGE));
        assertThat(content.getChildrenUnmodifiable().stream().filter(Node::isVisible).toList())
                .containsExactly(root(Page.ANALYTICS));
        assertThat(root(Page.ANALYTICS).isManaged()).isTrue();
        robot.clickOn("#nav-ideas");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(content.getChildrenUnmodifiable()).containsExactlyInAnyOrder(ideas, root(Page.LINEAGE));
        assertThat(content.getChildrenUnmodifiable().stream().filter(Node::isVisible).toList()).containsExactly(ideas);
    }

    @Test
    void aPageShownWhileItIsPreparedIsShownAndThePreparingGoesOn(FxRobot robot) throws Exception {
        awaitStudy(robot);
        java.util.concurrent.CompletableFuture<Void> prepared = new java.util.concurrent.CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> view.preparePages(() -> prepared.complete(null))).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> root(Page.ANALYTICS).getScene() != null);
        WaitForAsyncUtils.asyncFx(() -> vm.pageProperty().set(Page.ANALYTICS)).get();

        prepared.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Parent analytics = root(Page.ANALYTICS);
        assertThat(((Parent) stage.getScene().lookup("#page-content")).getChildrenUnmodifiable().stream()
                .filter(Node::isVisible).toList()).containsExactly(analytics);
        // Its own frames take the steps left, as they would have without the preparing.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> FirstFrames.settled(analytics));
        assertThat(controlsWithoutSkin(root(Page.LINEAGE))).as("the pages after it prepared too").isEmpty();
    }

    @Test
    void anotherPageShownWhileOneIsPreparedTakesItsFirstFramesAloneThenThePreparingGoesOn(FxRobot robot)
            throws Exception {
        awaitStudy(robot);
        Parent analytics = root(Page.ANALYTICS);
        Parent lineage = root(Page.LINEAGE);
        List<String> bothStepping = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> prepared = new java.util.concurrent.CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.getScene().addPostLayoutPulseListener(() -> {
                if (analytics.getScene() != null && !FirstFrames.settled(analytics) && lineage.getScene() != null
                        && !FirstFrames.settled(lineage)) {
                    bothStepping.add("a frame with both pages' steps to take");
                }
            });
            view.preparePages(() -> prepared.complete(null));
        }).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> analytics.getScene() != null);
        List<Boolean> analyticsInTheWindow = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.pageProperty().set(Page.LINEAGE);
            analyticsInTheWindow.add(analytics.getScene() != null);
        }).get();
        assertThat(analyticsInTheWindow).as("taken out while Lineage takes its first frames").containsExactly(false);

        prepared.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bothStepping).isEmpty();
        assertThat(FirstFrames.settled(analytics)).isTrue();
        assertThat(analytics.getScene()).as("back, hidden, once Lineage's steps were taken").isNotNull();
        assertThat(analytics.isVisible() || analytics.isManaged()).isFalse();
        assertThat(lineage.isVisible()).isTrue();
    }

    private Parent root(Page page) {
        return view.pages().stream().filter(p -> p.page() == page).findFirst().orElseThrow().root();
    }

    private static List<String> controlsWithoutSkin(Node node) {
        List<String> missing = new java.util.ArrayList<>();
        if (node instanceof javafx.scene.control.Control control && control.getSkin() == null) {
            missing.add(control.getClass().getSimpleName() + "#" + control.getId());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> missing.addAll(controlsWithoutSkin(child)));
        }
        return missing;
    }

    private void awaitStudy(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            Node name = robot.lookup("#status-study-name").query();
            return "charlm-demo".equals(((Label) name).getText()) && !robot.lookup("#page-ideas .fact-card").queryAll().isEmpty();
        });
    }

    private static long distinctColours(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
                .distinct()
                .count();
    }

}
