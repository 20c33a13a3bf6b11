package dev.groundwork.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    private final List<Object> delivered = new ArrayList<>();

    @Test
    void sameThreadDeliversTheResultAtOnce() {
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();

        executor.submit("Add", progress -> 1 + 1, delivered::add, delivered::add);

        assertThat(delivered).containsExactly(2);
        assertThat(executor.tasks()).isEmpty();
    }

    @Test
    void sameThreadDeliversTheFailure() {
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        IllegalStateException failure = new IllegalStateException("broken");

        executor.submit("Fail", progress -> { throw failure; }, delivered::add, delivered::add);

        assertThat(delivered).containsExactly(failure);
        assertThat(executor.tasks()).isEmpty();
    }

    @Test
    void backgroundWorkRunsOffTheCallingThreadAndIsListedUntilDelivered() throws Exception {
        QueuedUiThread ui = new QueuedUiThread();
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui)) {
            Thread caller = Thread.currentThread();
            AtomicReference<Thread> worker = new AtomicReference<>();

            BackgroundTask task = executor.submit("Work", progress -> {
                worker.set(Thread.currentThread());
                return "done";
            }, delivered::add, delivered::add);

            assertThat(executor.tasks()).containsExactly(task);
            ui.runNext();
            assertThat(delivered).containsExactly("done");
            assertThat(worker.get()).isNotSameAs(caller);
            assertThat(executor.tasks()).isEmpty();
        }
    }

    @Test
    void cancellingInterruptsTheWorkDeliversNothingAndUnlistsTheTask() throws Exception {
        QueuedUiThread ui = new QueuedUiThread();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui)) {
            BackgroundTask task = executor.submit("Sleep", progress -> {
                started.countDown();
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    interrupted.set(progress.isCancelled());
                    throw e;
                }
                return "woke";
            }, delivered::add, delivered::add);
            started.await();

            task.cancel();
            assertThat(executor.tasks()).isEmpty();
            ui.runNext();

            assertThat(interrupted).isTrue();
            assertThat(delivered).isEmpty();
        }
    }

    @Test
    void aResultNobodyReceivesAfterACancelIsClosed() throws Exception {
        QueuedUiThread ui = new QueuedUiThread();
        AtomicBoolean closed = new AtomicBoolean();
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui)) {
            BackgroundTask task = executor.submit("Open", progress -> {
                AutoCloseable resource = () -> closed.set(true);
                return resource;
            }, delivered::add, delivered::add);
            // Cancelled after the work returned but before its result reached the UI thread.
            ui.awaitPosted();
            task.cancel();
            ui.runNext();

            assertThat(closed).isTrue();
            assertThat(delivered).isEmpty();
        }
    }

    @Test
    void progressReachesTheUiThreadCoalesced() throws Exception {
        QueuedUiThread ui = new QueuedUiThread();
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui)) {
            BackgroundTask task = executor.submit("Count", progress -> {
                for (int step = 1; step <= 1000; step++) {
                    progress.update(step / 1000.0);
                }
                reported.countDown();
                finish.await();
                return null;
            }, delivered::add, delivered::add);
            reported.await();
            assertThat(task.progressProperty().get()).isEqualTo(BackgroundTask.UNKNOWN);

            ui.runNext();

            assertThat(task.progressProperty().get()).isEqualTo(1.0);
            assertThat(ui.isIdle()).as("a thousand updates, one post").isTrue();
            finish.countDown();
            ui.runNext();
            assertThat(delivered).hasSize(1);
        }
    }

    @Test
    void aRepeatRunsOnTheUiThreadUntilCancelledAndARunOnItsWayIsDropped() throws Exception {
        QueuedUiThread ui = new QueuedUiThread();
        List<String> ran = new ArrayList<>();
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui)) {
            Scheduled repeat = executor.schedule(Duration.ofMillis(1), Duration.ofMillis(5),
                    () -> ran.add(Thread.currentThread().getName()));
            ui.runNext();
            ui.runNext();
            assertThat(ran).as("on the thread that runs the posts, twice").containsOnly(Thread.currentThread().getName())
                    .hasSize(2);

            ui.awaitPosted();
            repeat.cancel();
            ui.runNext();
            assertThat(ran).as("cancelled while on its way").hasSize(2);
            assertThat(repeat.isCancelled()).isTrue();
        }
    }

    @Test
    void theSameThreadExecutorsRepeatsRunOnlyAsItsClockMovesAndStopWhenCancelled() {
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        List<Integer> ran = new ArrayList<>();
        Scheduled repeat = executor.schedule(Duration.ofSeconds(1), Duration.ofSeconds(2),
                () -> ran.add(ran.size()));
        assertThat(ran).isEmpty();
        executor.advance(Duration.ofMillis(999));
        assertThat(ran).isEmpty();
        executor.advance(Duration.ofMillis(1));
        assertThat(ran).hasSize(1);
        executor.advance(Duration.ofSeconds(4));
        assertThat(ran).as("at 3 s and 5 s").hasSize(3);
        assertThat(executor.scheduled()).isEqualTo(1);

        repeat.cancel();
        executor.advance(Duration.ofSeconds(10));
        assertThat(ran).hasSize(3);
        assertThat(executor.scheduled()).isZero();
    }

    @Test
    void computedWorkIsNeverListedAndItsOutcomeStillArrivesOnTheUiThread() throws Exception {
        QueuedUiThread ui = new QueuedUiThread();
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui)) {
            Thread caller = Thread.currentThread();
            AtomicReference<Thread> worker = new AtomicReference<>();

            executor.compute(progress -> {
                worker.set(Thread.currentThread());
                return "frame";
            }, delivered::add, delivered::add);

            assertThat(executor.tasks()).isEmpty();
            ui.runNext();
            assertThat(delivered).containsExactly("frame");
            assertThat(worker.get()).isNotSameAs(caller);
        }
    }

    @Test
    void computedWorkThatFinishesAfterTheExecutorClosedDeliversNothing() throws Exception {
        QueuedUiThread ui = new QueuedUiThread();
        CountDownLatch release = new CountDownLatch(1);
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui);
        executor.compute(progress -> {
            release.await();
            return "late";
        }, delivered::add, failure -> delivered.add("failed"));

        executor.close();
        release.countDown();
        ui.runNext();

        assertThat(delivered).isEmpty();
    }
}
