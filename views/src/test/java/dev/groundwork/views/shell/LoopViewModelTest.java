package dev.groundwork.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.search.EpochProgress;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.ManualClockTasks;
import dev.groundwork.views.common.QueuedUiThread;
import dev.groundwork.views.fakes.FakeStudy;
import dev.groundwork.views.fakes.Statuses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The loop's controls against a loop that runs on its own thread, with the UI thread driven by the test. */
class LoopViewModelTest {

    private final QueuedUiThread ui = new QueuedUiThread();
    // The repeats on a clock the test moves, so that a tick never slips into the posts a test runs one by one.
    private final ManualClockTasks tasks = new ManualClockTasks(new BackgroundTaskExecutor(ui));
    private final SimpleObjectProperty<Study> study =
            new SimpleObjectProperty<>(FakeStudy.writable("charlm-demo", Path.of("/studies/charlm")));
    private final ScriptedLoop loop = new ScriptedLoop();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger reviews = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final LoopViewModel vm = new LoopViewModel(study, tasks, s -> Optional.of(loop), refreshes::incrementAndGet,
            reviews::incrementAndGet, now::get);

    @Test
    void theStatusBarFollowsTheLoopsProgressAndThePagesAreReReadEveryTwoSeconds() throws Exception {
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(LoopViewModel.State.RUNNING);
        assertThat(vm.canStartProperty().get()).isFalse();

        loop.events().progress(new EpochProgress(1, 3, "run", 4, 4, 4, 1, 4, 0.9786, 1.21));
        ui.runNext(); // progress fraction
        ui.runNext(); // message
        assertThat(vm.messageProperty().get())
                .isEqualTo("Epoch 1 (2 of 3) · runs 1 of 4 done · best 0.9786 (baseline 1.2100)");
        assertThat(tasks.tasks().getFirst().progressProperty().get()).isCloseTo((1 + 0.3 + 0.7 / 4) / 3, within());
        assertThat(refreshes).hasValue(0);

        now.addAndGet(TimeUnit.SECONDS.toNanos(3));
        loop.events().note("Run 7 failed (code).");
        ui.runNext();
        assertThat(vm.messageProperty().get()).isEqualTo("Run 7 failed (code).");
        assertThat(refreshes).hasValue(1);

        loop.finish(new LoopOutcome(LoopOutcome.Kind.COMPLETED, "All 3 epochs are complete."));
        ui.runNext();
        assertThat(vm.stateProperty().get()).isEqualTo(LoopViewModel.State.IDLE);
        assertThat(vm.messageProperty().get()).isEqualTo("All 3 epochs are complete.");
        assertThat(vm.noticeProperty().get()).isEqualTo(new LoopViewModel.Notice("The loop is done", "All 3 epochs are complete."));
        assertThat(refreshes).hasValue(2);
        assertThat(tasks.tasks()).isEmpty();
    }

    @Test
    void whileTheLoopSaysNothingThePagesAreStillReReadEveryTwoSeconds() throws Exception {
        vm.start();
        loop.events().progress(new EpochProgress(0, 3, "run", 4, 4, 4, 0, 4, null, 1.21));
        ui.runNext();
        ui.runNext();
        assertThat(refreshes).as("within two seconds of the start").hasValue(0);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1500));
        vm.tick();
        assertThat(refreshes).hasValue(0);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(600));
        vm.tick(); // the runs run; the loop says nothing until one ends
        assertThat(refreshes).hasValue(1);
        vm.tick();
        assertThat(refreshes).as("not twice within two seconds").hasValue(1);

        loop.finish(new LoopOutcome(LoopOutcome.Kind.COMPLETED, "All 3 epochs are complete."));
        ui.runNext();
        assertThat(refreshes).hasValue(2);
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        vm.tick();
        assertThat(refreshes).as("no loop, no re-reads").hasValue(2);
    }

    @Test
    void whileTheLoopRunsItTicksEveryTwoSecondsAndStopsTickingWhenItEnds() throws Exception {
        assertThat(tasks.scheduled()).as("no loop, no ticks").isZero();
        vm.start();
        assertThat(vm.ticking()).isTrue();

        now.addAndGet(LoopViewModel.TICK.toNanos());
        tasks.advance(LoopViewModel.TICK.minusMillis(1));
        assertThat(refreshes).as("not due yet").hasValue(0);
        tasks.advance(java.time.Duration.ofMillis(1));
        assertThat(refreshes).hasValue(1);
        now.addAndGet(LoopViewModel.TICK.toNanos());
        tasks.advance(LoopViewModel.TICK);
        assertThat(refreshes).hasValue(2);

        loop.finish(new LoopOutcome(LoopOutcome.Kind.COMPLETED, "All 3 epochs are complete."));
        ui.runNext();
        assertThat(vm.ticking()).isFalse();
        assertThat(tasks.scheduled()).as("no repeat left behind").isZero();
    }

    @Test
    void closingTheWindowStopsTheTicksEvenIfTheLoopsEndIsNeverDelivered() throws Exception {
        vm.start();
        loop.events(); // it runs
        loop.finish(new LoopOutcome(LoopOutcome.Kind.STOPPED, "Stopped."));

        vm.stopAndWait(java.time.Duration.ofSeconds(5)); // the window closes; the UI thread delivers nothing more

        assertThat(vm.stateProperty().get()).as("its end not delivered").isNotEqualTo(LoopViewModel.State.IDLE);
        assertThat(tasks.scheduled()).isZero();
    }

    @Test
    void pauseAsksTheLoopToPauseAndItsSentenceIsShownWithoutANotice() throws Exception {
        vm.start();
        vm.pause();
        assertThat(vm.stateProperty().get()).isEqualTo(LoopViewModel.State.PAUSING);
        assertThat(loop.requests.poll(5, TimeUnit.SECONDS)).isEqualTo("pause");

        loop.finish(new LoopOutcome(LoopOutcome.Kind.PAUSED, "Paused; run again to continue."));
        ui.runNext();
        assertThat(vm.stateProperty().get()).isEqualTo(LoopViewModel.State.IDLE);
        assertThat(vm.messageProperty().get()).isEqualTo("Paused; run again to continue.");
        assertThat(vm.noticeProperty().get()).isNull();
        assertThat(vm.canStartProperty().get()).isTrue();
    }

    @Test
    void cancellingTheTaskInTheStatusBarStopsTheLoopCleanlyAndStillShowsHowItEnded() throws Exception {
        vm.start();
        tasks.tasks().getFirst().cancel();
        assertThat(vm.stateProperty().get()).isEqualTo(LoopViewModel.State.STOPPING);
        assertThat(loop.requests.poll(5, TimeUnit.SECONDS)).isEqualTo("stop");

        loop.finish(new LoopOutcome(LoopOutcome.Kind.STOPPED, "Stopped; everything so far is saved."));
        ui.runNext();
        assertThat(vm.stateProperty().get()).isEqualTo(LoopViewModel.State.IDLE);
        assertThat(vm.messageProperty().get()).isEqualTo("Stopped; everything so far is saved.");
    }

    @Test
    void aManualGateBringsUpTheReviewPageWithANotice() throws Exception {
        vm.start();
        loop.finish(new LoopOutcome(LoopOutcome.Kind.WAITING_FOR_REVIEW, "Epoch 0 waits for review: 2 patches."));
        ui.runNext();
        assertThat(reviews).hasValue(1);
        assertThat(vm.noticeProperty().get().title()).isEqualTo("Waiting for review");
    }

    @Test
    void aReadOnlyStudyCannotRunTheLoop() {
        study.set(new FakeStudy("charlm-demo", Path.of("/studies/charlm"), "another Groundwork holds its lock",
                Statuses.sample("charlm-demo")));
        assertThat(vm.canStartProperty().get()).isFalse();
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(LoopViewModel.State.IDLE);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    /** A loop the test drives: it hands out its events, records pause/stop, and returns what the test tells it. */
    private static final class ScriptedLoop implements LoopRunner {
        final BlockingQueue<String> requests = new ArrayBlockingQueue<>(4);
        private final BlockingQueue<LoopOutcome> outcome = new ArrayBlockingQueue<>(1);
        private final CountDownLatch started = new CountDownLatch(1);
        private final List<LoopEvents> events = new ArrayList<>();

        @Override
        public LoopOutcome run(LoopEvents events) throws InterruptedException {
            synchronized (this.events) {
                this.events.add(events);
            }
            started.countDown();
            return outcome.take();
        }

        LoopEvents events() throws InterruptedException {
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            synchronized (events) {
                return events.getFirst();
            }
        }

        void finish(LoopOutcome how) throws InterruptedException {
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            outcome.add(how);
        }

        @Override
        public void pause() {
            requests.add("pause");
        }

        @Override
        public void stop() {
            requests.add("stop");
        }
    }
}
