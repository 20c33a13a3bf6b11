package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.ManualClockTasks;
import dev.groundwork.views.common.QueuedUiThread;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShownTasksTest {

    private final QueuedUiThread ui = new QueuedUiThread();
    private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui);
    private final ManualClockTasks tasks = new ManualClockTasks(executor);
    private final ShownTasks shownTasks = new ShownTasks(tasks);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        executor.close();
    }

    @Test
    void aTaskIsListedOnlyOnceItHasRunForAMoment() {
        BackgroundTask slow = tasks.submit("Reading runs", progress -> release.await(10, java.util.concurrent.TimeUnit.SECONDS), done -> {}, failed -> {});

        tasks.advance(ShownTasks.GRACE.minusMillis(1));
        assertThat(shownTasks.shown()).isEmpty();

        tasks.advance(Duration.ofMillis(1));
        assertThat(shownTasks.shown()).containsExactly(slow);
        assertThat(tasks.scheduled()).isZero();
    }

    @Test
    void aTaskThatEndsWithinTheMomentIsNeverListedAndLeavesNoTimer() throws Exception {
        tasks.submit("Reading a diff", progress -> "diff", done -> {}, failed -> {});
        ui.runNext(); // its outcome delivered: the executor unlists it

        assertThat(tasks.scheduled()).isZero();
        tasks.advance(ShownTasks.GRACE.multipliedBy(2));
        assertThat(shownTasks.shown()).isEmpty();
    }

    @Test
    void aListedTaskLeavesTheListWhenItEndsAndTheOthersKeepTheirOrder() throws Exception {
        BackgroundTask first = tasks.submit("Opening", progress -> release.await(10, java.util.concurrent.TimeUnit.SECONDS), done -> {}, failed -> {});
        tasks.advance(Duration.ofMillis(100));
        BackgroundTask second = tasks.submit("Running", progress -> release.await(10, java.util.concurrent.TimeUnit.SECONDS), done -> {}, failed -> {});
        tasks.advance(ShownTasks.GRACE.minusMillis(100));
        assertThat(shownTasks.shown()).containsExactly(first);

        tasks.advance(Duration.ofMillis(100));
        assertThat(shownTasks.shown()).containsExactly(first, second);

        first.cancel();
        assertThat(shownTasks.shown()).containsExactly(second);
    }
}
