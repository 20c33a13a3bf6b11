package dev.groundwork.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.common.ThemeStylesheets;
import dev.groundwork.views.fakes.Statuses;
import dev.groundwork.views.fakes.TestWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings page's hosts, driven by the robot on a real study and a real host book: the add form by keyboard (a
 * wrong name flagged under its field with Add disabled, then added with Enter), a test's facts, drain and open, and a
 * remove that waits for its confirmation. With {@code -Dgroundwork.screenshots=DIR} the form and the cards are copied
 * there (gw-settings-hosts-form-error.png, gw-settings-hosts-form.png, gw-settings-hosts-test.png,
 * gw-settings-hosts.png).
 */
@ExtendWith(ApplicationExtension.class)
class SettingsHostsFxTest {

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

    private void show() throws Exception {
        SettingsViewModel vm = new SettingsViewModel(study, status, new SameThreadTaskExecutor(), fixture.ports);
        WaitForAsyncUtils.asyncFx(() -> {
            study.set(fixture.study);
            status.set(Statuses.sample(fixture.study.name()));
        }).get();
        window.show(() -> {
            BorderPane page = new BorderPane(new SettingsView(vm).root());
            ThemeStylesheets.apply(page, Theme.LIGHT);
            return page;
        }, 1000, 1000);
        WaitForAsyncUtils.waitForFxEvents();
        toTheHosts(new FxRobot());
    }

    /** The hosts are the page's last section. */
    private static void toTheHosts(FxRobot robot) throws Exception {
        ScrollPane page = robot.lookup("#page-settings").queryAs(ScrollPane.class);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            page.layout();
            page.setVvalue(page.getVmax());
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDockerHostIsAddedByKeyboardAfterAWrongNameIsFlaggedUnderItsField(FxRobot robot) throws Exception {
        show();
        robot.clickOn("#settings-add-docker-host");
        WaitForAsyncUtils.waitForFxEvents();
        toTheHosts(robot);
        TextField name = robot.lookup("#docker-name").queryAs(TextField.class);
        Button add = robot.lookup("#docker-add").queryButton();
        Label nameError = robot.lookup("#docker-name-error").queryAs(Label.class);
        assertThat(name.isFocused()).as("the form opens in its first field").isTrue();
        assertThat(add.isDisabled()).isTrue();

        robot.write("GPU Box");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nameError.isVisible()).isTrue();
        assertThat(nameError.getText()).startsWith("'GPU Box' cannot name a host");
        assertThat(name.getStyleClass()).contains("invalid");
        window.snapshot(temp, "gw-settings-hosts-form-error.png");

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("gpu-box");
        robot.type(KeyCode.TAB).write("unix:///nowhere.sock");
        robot.type(KeyCode.TAB, 3).write("0,1"); // past the TLS folder and its Choose… button
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nameError.isVisible()).isFalse();
        assertThat(robot.lookup("#docker-gpus").queryAs(TextField.class).getText()).isEqualTo("0,1");
        assertThat(add.isDisabled()).isFalse();
        window.snapshot(temp, "gw-settings-hosts-form.png");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fixture.hosts.book.find("gpu-box")).hasValueSatisfying(host -> {
            assertThat(host.endpoint()).hasValue("unix:///nowhere.sock");
            assertThat(host.gpuIds()).hasValue(List.of(0, 1));
            assertThat(host.cpuSlots()).isEqualTo(2);
        });
        assertThat(robot.lookup("#docker-form").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#host-gpu-box-machine").queryAs(Label.class).getText()).isEqualTo("unix:///nowhere.sock");
        assertThat(robot.lookup("#settings-hosts-notice").queryAs(Label.class).getText())
                .startsWith("Added Docker host gpu-box");
    }

    @Test
    void aTestShowsTheHostsFactsAndDrainOpenAndRemoveChangeTheHostBook(FxRobot robot) throws Exception {
        fixture.hosts.book.addDocker("gpu-box", "unix:///nowhere.sock", Optional.empty(), Optional.of(List.of(0, 1)), 2);
        show();

        robot.clickOn("#host-gpu-box-test");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.hosts.calls).containsExactly("test gpu-box");
        assertThat(robot.lookup("#host-gpu-box-facts").lookup(".settings-fact").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("Docker 27.3.1, API 1.47", "GPUs 0, 1 (NVIDIA H100 80GB HBM3)");
        assertThat(robot.lookup("#host-gpu-box-message").queryAs(Label.class).getText())
                .isEqualTo("gpu-box answers and can take runs.");
        assertThat(robot.lookup("#host-local-drain").queryButton().isVisible()).as("this machine is never drained")
                .isFalse();
        window.snapshot(temp, "gw-settings-hosts-test.png");

        Button drain = robot.lookup("#host-gpu-box-drain").queryButton();
        assertThat(drain.getText()).isEqualTo("Drain");
        robot.clickOn(drain);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.hosts.book.find("gpu-box").orElseThrow().draining()).isTrue();
        assertThat(drain.getText()).isEqualTo("Open");
        assertThat(robot.lookup("#host-gpu-box-draining").tryQuery()).isPresent();
        assertThat(robot.lookup("#host-gpu-box").queryAs(Node.class).getStyleClass()).contains("settings-host-draining");
        window.snapshot(temp, "gw-settings-hosts.png");
        robot.clickOn(drain);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.hosts.book.find("gpu-box").orElseThrow().draining()).isFalse();
        assertThat(robot.lookup("#host-gpu-box-draining").tryQuery()).isEmpty();

        robot.clickOn("#host-gpu-box-remove");
        WaitForAsyncUtils.waitForFxEvents();
        Button keep = robot.lookup("#host-gpu-box-keep").queryButton();
        Node question = keep.getParent();
        assertThat(question.isVisible()).isTrue();
        assertThat(keep.isFocused()).as("a stray Enter keeps the host").isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(question.isVisible()).isFalse();
        assertThat(fixture.hosts.book.configured()).hasSize(1);

        robot.clickOn("#host-gpu-box-remove");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#host-gpu-box-confirm-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.hosts.book.configured()).isEmpty();
        assertThat(robot.lookup("#host-gpu-box").tryQuery()).isEmpty();
        assertThat(robot.lookup("#settings-hosts-notice").queryAs(Label.class).getText())
                .isEqualTo("Removed gpu-box; its containers and images are left as they are.");
    }
}
