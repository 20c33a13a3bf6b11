package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a window does once a study it opened has been read: once per opening, only after the status and the pages'
 * reads are in and a second has passed with no background work, it prepares the pages not shown yet, then asks for a
 * young collection, the collection only under the JVM option that makes {@code System.gc()} a young pause.
 */
@ExtendWith(ApplicationExtension.class)
class StudyAtRestFxTest {

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
    void pagesArePreparedThenACollectionAskedForOnceEachOpenedStudyHasComeToRest() throws Exception {
        try (WindowFixture window = new WindowFixture(temp.resolve("home"), first, 960, 640)) {
            List<String> done = new CopyOnWriteArrayList<>();
            long[] askedAtRest = {-1};
            WaitForAsyncUtils.asyncFx(() -> {
                assertThat(StudyAtRest.install(window.vm, then -> {
                    done.add("prepared");
                    then.run();
                }, List.of("-Xmx1g", StudyAtRest.FLAG), () -> {
                    done.add("collected");
                    askedAtRest[0] = window.vm.tasks().size();
                })).isTrue();
                window.vm.openStudy(second);
            }).get();
            assertThat(done).as("not before the study is read").isEmpty();

            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> done.size() == 2);
            assertThat(done).as("the collection after the pages, so that it moves what preparing made")
                    .containsExactly("prepared", "collected");
            assertThat(window.vm.statusProperty().get()).isNotNull();
            assertThat(window.vm.studyProperty().get().dir().getFileName()).hasToString("second");
            assertThat(askedAtRest[0]).as("no background work listed when asked").isZero();
            Thread.sleep(2_500);
            assertThat(done).as("once for the opening, not at every rest after it").hasSize(2);

            WaitForAsyncUtils.asyncFx(() -> window.vm.openStudy(first)).get();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> done.size() == 4);
        }
    }

    @Test
    void withoutTheOptionPagesArePreparedButNoCollectionIsAskedFor() throws Exception {
        try (WindowFixture window = new WindowFixture(temp.resolve("home"), first, 960, 640)) {
            AtomicInteger prepared = new AtomicInteger();
            AtomicInteger asked = new AtomicInteger();
            WaitForAsyncUtils.asyncFx(() -> {
                assertThat(StudyAtRest.install(window.vm, then -> {
                    prepared.incrementAndGet();
                    then.run();
                }, List.of("-Xmx1g"), asked::incrementAndGet))
                        .as("System.gc() would be a full collection").isFalse();
                window.vm.openStudy(second);
            }).get();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> prepared.get() == 1);
            assertThat(window.vm.studyProperty().get().dir().getFileName()).hasToString("second");
            Thread.sleep(2_500);
            assertThat(prepared).hasValue(1);
            assertThat(asked).hasValue(0);
        }
    }

    private Path newStudy(CliRunner cli, String name) {
        Path dir = temp.resolve(name);
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        return dir;
    }
}
