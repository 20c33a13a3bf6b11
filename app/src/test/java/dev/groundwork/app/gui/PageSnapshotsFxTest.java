package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.views.charts.CurveChart;
import dev.groundwork.views.common.PngSnapshots;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javax.imageio.ImageIO;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each page of a seeded study (a baseline and an epoch run, the next epoch's patches waiting at the gate) rendered to PNG
 * in the window as the app wires it, and checked for its real content: the rows, panes and series a researcher would see.
 */
@ExtendWith(ApplicationExtension.class)
class PageSnapshotsFxTest {

    @TempDir
    Path temp;

    @Test
    void everyPageOfASeededStudyShowsItsContent(FxRobot robot) throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path dir = temp.resolve("study");
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        assertThat(cli.run("run", dir.toString(), "--epochs", "1", "--auto-approve").exitCode()).isZero();
        assertThat(cli.run("run", dir.toString(), "--epochs", "2").exitCode()).isZero(); // epoch 1 waits at the patch gate

        try (WindowFixture window = new WindowFixture(temp.resolve("home"), dir, 1280, 800)) {
            MainViewModel vm = window.vm;

            show(vm, Page.IDEAS, robot, () -> this.<TableView<?>>shown(robot, "#ideas-table").getItems().size() == 4
                    && shown(robot, "#idea-detail") != null);
            show(vm, Page.REVIEW, robot, () -> this.<ListView<?>>shown(robot, "#review-queue").getItems().size() == 2
                    && robot.lookup(".diff-right").queryAs(CodeArea.class).getText().contains("STEPS")
                    && robot.lookup(".diff-left").queryAs(CodeArea.class).getText().contains("STEPS"));
            show(vm, Page.RUNS, robot, () -> this.<TableView<?>>shown(robot, "#runs-table").getItems().size() == 3
                    && this.<Pane>shown(robot, "#runs-hosts").getChildren().size() > 0
                    && !this.<CodeArea>shown(robot, "#runs-log").getText().isEmpty()
                    && !this.<CurveChart>shown(robot, "#runs-curve").curves().isEmpty());
            show(vm, Page.SETTINGS, robot, () -> shown(robot, "#settings-study") != null
                    && shown(robot, "#settings-providers") != null
                    && robot.lookup("#host-local").tryQuery().isPresent());

        }
    }

    /** Shows the page, waits until its content is there, renders it and checks the image is a drawn page. */
    private void show(MainViewModel vm, Page page, FxRobot robot, Callable<Boolean> contentShown) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.pageProperty().set(page)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try {
                return contentShown.call();
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path png = temp.resolve(page.key() + ".png");
        Scene scene = robot.lookup("#main-root").query().getScene();
        WaitForAsyncUtils.asyncFx(() -> {
            PngSnapshots.write(scene, png);
            return null;
        }).get();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as(page + " is a drawn page, not a blank image").hasSizeGreaterThan(40);
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T shown(FxRobot robot, String query) {
        return (T) robot.lookup(query).match(node -> ((Node) node).getScene() != null).query();
    }
}
