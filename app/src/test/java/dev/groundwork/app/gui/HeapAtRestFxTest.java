package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The young collection a window asks for once a study it opened has been read: once per opening, only after the
 * status and the pages' reads are in and a second has passed with no background work, and only under the JVM option
 * that makes {@code System.gc()} a young pause.
 */
@ExtendWith(ApplicationExtension.class)
class HeapAtRestFxTest {

    @TempDir
    Path temp;

    /** The study the window opens with, and the one opened in it afterwards. */
    private Path first;
    private Path second;

    @BeforeEach
    void twoStudies() {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        first = newStudy(cli, "first");
        second = newStudy(cli, "second");
    }

    @Test
    void aCollectionIsAskedForOnceEachOpenedStudyHasComeToRest() throws Exception {
        try (WindowFixture window = new WindowFixture(temp.resolve("home"), first, 960, 640)) {
            AtomicInteger asked = new AtomicInteger();
            long[] askedAtRest = {-1};
            WaitForAsyncUtils.asyncFx(() -> {
                assertThat(HeapAtRest.install(window.vm, List.of("-Xmx1g", HeapAtRest.FLAG), () -> {
                    asked.incrementAndGet();
                    askedAtRest[0] = window.vm.tasks().size();
                })).isTrue();
                window.vm.openStudy(second);
            }).get();
            assertThat(asked).as("not before the study is read").hasValue(0);

            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> asked.get() == 1);
            assertThat(window.vm.statusProperty().get()).isNotNull();
            assertThat(window.vm.studyProperty().get().dir().getFileName()).hasToString("second");
            assertThat(askedAtRest[0]).as("no background work listed when asked").isZero();
            Thread.sleep(2_500);
            assertThat(asked).as("once for the opening, not at every rest after it").hasValue(1);

            WaitForAsyncUtils.asyncFx(() -> window.vm.openStudy(first)).get();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> asked.get() == 2);
        }
    }

    @Test
    void withoutTheOptionNothingIsAskedFor() throws Exception {
        try (WindowFixture window = new WindowFixture(temp.resolve("home"), first, 960, 640)) {
            AtomicInteger asked = new AtomicInteger();
            WaitForAsyncUtils.asyncFx(() -> {
                assertThat(HeapAtRest.install(window.vm, List.of("-Xmx1g"), asked::incrementAndGet))
                        .as("System.gc() would be a full collection").isFalse();
                window.vm.openStudy(second);
            }).get();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.vm.studyProperty().get() != null
                    && window.vm.studyProperty().get().dir().getFileName().toString().equals("second")
                    && window.vm.statusProperty().get() != null);
            Thread.sleep(2_500);
            assertThat(asked).hasValue(0);
        }
    }

    private Path newStudy(CliRunner cli, String name) {
        Path dir = temp.resolve(name);
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        return dir;
    }
}
