package dev.groundwork.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.fakes.TestWindow;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.common.ThemeStylesheets;
import dev.groundwork.views.fakes.Statuses;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings page on a real charlm study, driven by the robot: a bad number is flagged as it is typed and blocks
 * Save, a good one is saved into groundwork.yaml (also with Ctrl+S), the providers and the host show, a read-only study
 * shows its reason; and the page rendered in both themes. With {@code -Dgroundwork.screenshots=DIR} the pictures are
 * copied to DIR (gw-settings-light.png, gw-settings-dark.png).
 */
@ExtendWith(ApplicationExtension.class)
class SettingsPageFxTest {

    @TempDir
    Path temp;

    private SettingsStudy fixture;
    private final SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<StudyStatus> status = new SimpleObjectProperty<>();
    private final TestWindow window = new TestWindow();

    @BeforeEach
    void open() throws Exception {
        fixture = new SettingsStudy(temp);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        fixture.close();
    }

    private SettingsViewModel show(Study shown, Theme theme, double width, double height) throws Exception {
        SettingsViewModel vm = new SettingsViewModel(study, status, new SameThreadTaskExecutor(), fixture.ports);
        WaitForAsyncUtils.asyncFx(() -> {
            study.set(shown);
            status.set(Statuses.sample(shown.name()));
        }).get();
        window.show(() -> {
            BorderPane page = new BorderPane(new SettingsView(vm).root());
            ThemeStylesheets.apply(page, theme);
            return page;
        }, width, height);
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    @Test
    void aBadNumberIsFlaggedAsTypedAndAGoodOneIsSavedIntoTheSpec(FxRobot robot) throws Exception {
        show(fixture.study, Theme.LIGHT, 1000, 900);
        String before = fixture.spec();
        TextField epochs = robot.lookup("#search-epochs").queryAs(TextField.class);
        Button save = robot.lookup("#settings-spec-save").queryAs(Button.class);
        Label error = robot.lookup("#search-epochs-error").queryAs(Label.class);
        assertThat(save.isDisabled()).isTrue();
        assertThat(error.isVisible()).isFalse();

        retype(robot, epochs, "-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(epochs.getText()).isEqualTo("-3");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("-3 is too few; type a whole number of at least 1.");
        assertThat(epochs.getStyleClass()).contains("invalid");
        assertThat(save.isDisabled()).isTrue();

        retype(robot, epochs, "6");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.isVisible()).isFalse();
        assertThat(epochs.getStyleClass()).doesNotContain("invalid");
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fixture.spec()).isEqualTo(before.replace("search: { epochs: 3,", "search: { epochs: 6,"));
        assertThat(fixture.study.spec().search().epochs()).isEqualTo(6);
        assertThat(robot.lookup("#settings-spec-message").queryAs(Label.class).getText())
                .startsWith("Saved to groundwork.yaml");
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn(robot.lookup("#gate-idea").lookup(".toggle-button").nth(1).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.spec()).contains("gates: { idea: manual, patch: manual, launch: auto }");
    }

    @Test
    void whereRunsGoIsChosenHereAndDockerWithoutAnImageIsRefusedAsChosen(FxRobot robot) throws Exception {
        show(fixture.study, Theme.LIGHT, 1000, 900);
        Label note = robot.lookup("#run-target-note").queryAs(Label.class);
        Button save = robot.lookup("#settings-spec-save").queryAs(Button.class);
        assertThat(note.getText()).isEqualTo("as processes of this machine");

        robot.clickOn(robot.lookup("#run-target").lookup(".toggle-button").nth(1).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.getText()).isEqualTo("in containers of groundwork/charlm:py3-numpy on the Docker hosts below");
        robot.clickOn(save);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fixture.spec()).containsPattern("(?m)^  target: docker");
        assertThat(fixture.study.spec().run().target()).isEqualTo(RunSpec.Target.DOCKER);

        Path other = temp.resolve("no-image");
        fixture.library.create(other, "charlm").close();
        Path otherSpec = other.resolve("groundwork.yaml");
        Files.writeString(otherSpec, Files.readString(otherSpec).replaceAll("(?m)^  image: .*\n", ""));
        StudyFolder withoutImage = fixture.library.open(other);
        WaitForAsyncUtils.asyncFx(() -> study.set(withoutImage)).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#run-target").lookup(".toggle-button").nth(1).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        Label refusal = robot.lookup("#run-target-note").queryAs(Label.class);
        assertThat(refusal.getText()).isEqualTo("Docker needs the image to run in: name it as run.image in"
                + " groundwork.yaml.");
        assertThat(refusal.getStyleClass()).contains("form-error");
        assertThat(save.isDisabled()).isTrue();
        withoutImage.close();
    }

    /** Selects the field's text and types over it, as a researcher would. */
    private static void retype(FxRobot robot, TextField field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
    }

    @Test
    void theProvidersAndTheHostShow(FxRobot robot) throws Exception {
        show(fixture.study, Theme.LIGHT, 1000, 900);
        ScrollPane page = robot.lookup("#page-settings").queryAs(ScrollPane.class);
        WaitForAsyncUtils.asyncFx(() -> page.setVvalue(page.getVmax())).get(); // the providers sit below the study
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#provider-openai-key-note").queryAs(Label.class).getText())
                .isEqualTo("From environment OPENAI_API_KEY.");
        Button test = robot.lookup("#provider-openai-test").queryAs(Button.class);
        assertThat(test.isDisabled()).isTrue();
        robot.clickOn("#provider-openai-model").write("gpt-4o");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(test);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#provider-openai-message").queryAs(Label.class).getText()).contains("answered");
        assertThat(fixture.providers.checked).extracting(LlmProviders.Draft::model).containsExactly("gpt-4o");

        assertThat(robot.lookup("#host-local").tryQuery()).isPresent();
        assertThat(robot.lookup("#host-local").lookup(".settings-slot").queryAll()).hasSize(2);
        assertThat(robot.lookup("#settings-add-docker-host").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void aReadOnlyStudyShowsItsFormsDisabledWithTheReason(FxRobot robot) throws Exception {
        try (StudyFolder held = fixture.library.open(fixture.study.dir())) {
            show(held, Theme.LIGHT, 1000, 900);

            Label reason = robot.lookup("#settings-spec-unavailable").queryAs(Label.class);
            assertThat(reason.isVisible()).isTrue();
            assertThat(reason.getText()).startsWith("Read-only here:");
            assertThat(robot.lookup("#search-epochs").queryAs(TextField.class).isDisabled()).isTrue();
            assertThat(robot.lookup("#settings-spec-save").queryAs(Button.class).isDisabled()).isTrue();
        }
    }

    @Test
    void thePageRendersInBothThemes() throws Exception {
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            show(fixture.study, theme, 1000, 1000);
            Path png = window.snapshot(temp, "gw-settings-" + theme.name().toLowerCase() + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(1000);
            window.close();
        }
    }
}
