package dev.groundwork.views.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.PngSnapshots;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.common.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Runs page's hosts as they stand (this machine healthy, a Docker host that stopped answering, one drained) and
 * the selected run's host, GPUs, GPU model and image digest, on a real study whose container run recorded them when it
 * started; rendered to gw-runs-hosts.png under {@code -Dgroundwork.screenshots} (or /tmp).
 */
@ExtendWith(ApplicationExtension.class)
class RunsHostsFxTest {

    static final String DIGEST = "sha256:5f1d3c0e9a7b24d6c8e1f0a3b5d7c9e2f4a6b8d0c2e4f6a8b0d2c4e6f8a0b2c4";
    static final String DOWN = "gpu-box stopped answering (unix:///nowhere.sock: connection refused); Groundwork asks"
            + " it again in 30 s.";

    @TempDir
    Path temp;

    private RunsStudy fixture;
    private StoreRunControl control;
    private RunsViewModel page;
    private Stage stage;
    private Run local;
    private Run container;

    @BeforeEach
    void open() throws Exception {
        fixture = new RunsStudy(temp);
        String log = "{\"step\": 0, \"val_loss\": 2.1}\n";
        local = fixture.running(null, 0, log, 40, step -> 2.1 - step * 0.01);
        Idea idea = fixture.idea("Cosine learning-rate schedule");
        container = fixture.running(fixture.patch(idea), idea, 1, log, 40, step -> 2.0 - step * 0.01, "gpu-box",
                List.of(1), new Reproducibility(List.of("python3", "train.py"), List.of("OMP_NUM_THREADS"), 7L, DIGEST,
                        "NVIDIA H100 80GB HBM3"));
        control = new StoreRunControl(fixture.study, 1);
        control.occupy(0, local.id());
        control.addHost("gpu-box", RunControl.Health.UNHEALTHY, Optional.of(DOWN), null, container.id());
        control.addHost("spare", RunControl.Health.DRAINING, Optional.empty(), (Long) null);
        SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
        page = new RunsViewModel(study, new SimpleObjectProperty<StudyStatus>(), new SameThreadTaskExecutor(),
                s -> Optional.of(fixture.monitor), s -> Optional.of(control));
        WaitForAsyncUtils.asyncFx(() -> study.set(fixture.study)).get();
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            Scene scene = new Scene(new RunsView(page).root(), 1200, 800);
            scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
            stage.setScene(scene);
            stage.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get();
        fixture.close();
    }

    @Test
    void eachHostShowsHowItStandsAndAnUnhealthyOneSaysWhy(FxRobot robot) throws Exception {
        assertThat(text(robot, "#runs-host-local-health")).isEqualTo("healthy");
        assertThat(text(robot, "#runs-host-gpu-box-health")).isEqualTo("unhealthy");
        assertThat(text(robot, "#runs-host-spare-health")).isEqualTo("draining");
        assertThat(robot.from(robot.lookup("#runs-host-gpu-box").queryAs(Node.class)).lookup(".runs-host-summary")
                .queryAs(Label.class).getText()).isEqualTo("2 slots · 2 GPUs · 1 busy");
        assertThat(text(robot, "#runs-host-gpu-box-problem")).isEqualTo(DOWN);
        assertThat(robot.lookup("#runs-host-spare-problem").tryQuery()).as("a drained host has no problem").isEmpty();
        assertThat(robot.lookup("#runs-host-gpu-box").queryAs(Node.class).getStyleClass()).contains("runs-host-unhealthy");
        assertThat(robot.lookup("#runs-host-spare").queryAs(Node.class).getStyleClass()).contains("runs-host-draining");
        assertThat(robot.lookup("#runs-host-local").queryAs(Node.class).getStyleClass()).contains("runs-host-healthy");

        Path png = Path.of(System.getProperty("groundwork.screenshots", "/tmp")).resolve("gw-runs-hosts.png");
        WaitForAsyncUtils.asyncFx(() -> {
            PngSnapshots.write(stage.getScene(), png);
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertThat(png).isNotEmptyFile();
    }

    @Test
    void theSelectedRunShowsItsHostGpusAndForAContainerRunItsImageDigest(FxRobot robot) {
        assertThat(page.monitor().selectedProperty().get().run().id()).as("the newest run").isEqualTo(container.id());
        assertThat(text(robot, "#runs-detail-where")).isEqualTo("Host gpu-box · GPU 1 · NVIDIA H100 80GB HBM3");
        TextField image = robot.lookup("#runs-detail-image").queryAs(TextField.class);
        assertThat(image.getText()).isEqualTo(DIGEST);
        assertThat(image.getParent().isVisible()).isTrue();
        assertThat(image.isEditable()).isFalse();

        robot.clickOn(robot.lookup("#runs-slot-local-0").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(page.monitor().selectedProperty().get().run().id()).isEqualTo(local.id());
        assertThat(text(robot, "#runs-detail-where")).as("a local process: no image, no GPU model recorded")
                .isEqualTo("Host local · GPU 0");
        assertThat(image.getParent().isVisible()).isFalse();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
