package dev.groundwork.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.fakes.TestWindow;
import javafx.geometry.Bounds;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Two sections beside each other where there is room for both, the second below the first where there is not. */
@ExtendWith(ApplicationExtension.class)
class BesideOrBelowFxTest {

    private final TestWindow window = new TestWindow();
    private final Region table = section(500, 200);
    private final Region chart = section(400, 300);
    private final BesideOrBelow row = new BesideOrBelow(10, 300);

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    @Test
    void withRoomTheFirstKeepsItsWidthAndTheSecondTakesTheRestBesideIt() throws Exception {
        show(900);

        assertThat(row.beside()).isTrue();
        assertThat(bounds(table)).satisfies(b -> {
            assertThat(b.getMinX()).isZero();
            assertThat(b.getWidth()).isEqualTo(500);
        });
        assertThat(bounds(chart)).satisfies(b -> {
            assertThat(b.getMinX()).isEqualTo(510);
            assertThat(b.getWidth()).isEqualTo(390);
            assertThat(b.getMinY()).isZero();
        });
        assertThat(bounds(table).getHeight()).as("a row as tall as the taller section").isEqualTo(300);
        assertThat(row.getHeight()).isEqualTo(300);
    }

    @Test
    void shortOfRoomForTheSecondsLeastWidthItGoesBelowAndBothTakeTheWholeWidth() throws Exception {
        show(809); // 500 + 10 + 300 would be 810

        assertThat(row.beside()).isFalse();
        assertThat(bounds(table)).satisfies(b -> {
            assertThat(b.getWidth()).isEqualTo(809);
            assertThat(b.getHeight()).isEqualTo(200);
        });
        assertThat(bounds(chart)).satisfies(b -> {
            assertThat(b.getMinX()).isZero();
            assertThat(b.getMinY()).isEqualTo(210);
            assertThat(b.getWidth()).isEqualTo(809);
            assertThat(b.getHeight()).isEqualTo(300);
        });
        assertThat(row.getHeight()).as("both heights and the gap").isEqualTo(510);
    }

    @Test
    void theWindowGrowingPutsTheSecondBesideAgain() throws Exception {
        show(700);
        assertThat(row.beside()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> row.getScene().getWindow().setWidth(1000)).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(row.beside()).isTrue();
        assertThat(bounds(chart).getMinX()).isEqualTo(510);
    }

    private void show(double width) throws Exception {
        window.show(() -> {
            row.getChildren().addAll(table, chart);
            StackPane host = new StackPane(row);
            host.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            row.setMaxHeight(Region.USE_PREF_SIZE);
            return host;
        }, width, 700);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds bounds(Region section) {
        return section.getBoundsInParent();
    }

    private static Region section(double width, double height) {
        Region section = new Region();
        section.setPrefSize(width, height);
        section.setMinSize(100, 50);
        return section;
    }
}
