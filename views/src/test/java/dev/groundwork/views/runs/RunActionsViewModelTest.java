package dev.groundwork.views.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.run.Reproducibility;

import dev.groundwork.model.run.NewRun;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.fakes.FakeStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel, retry, run again, the slot map and the live log through the page's view models, on a real minimal study. */
class RunActionsViewModelTest {

    @TempDir
    Path temp;

    private RunsStudy fixture;
    private StoreRunControl control;
    private final SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<StudyStatus> status = new SimpleObjectProperty<>();
    private RunsViewModel page;
    private RunsMonitorViewModel monitor;
    private RunActionsViewModel actions;
    private Run succeeded;
    private Run crashed;
    private Run running;
    private Patch momentum;

    @BeforeEach
    void open() throws Exception {
        fixture = new RunsStudy(temp);
        Idea cosine = fixture.idea("Cosine schedule");
        succeeded = fixture.succeeded(fixture.running(cosine, 1, "step 0\n", 5, step -> 1.0 - step * 0.1).id(), 0.6);
        crashed = fixture.failed(fixture.running(fixture.idea("Huge learning rate"), 1, "Traceback\n", 1, step -> 9)
                .id(), FailureClass.CODE);
        Idea warmup = fixture.idea("Momentum");
        momentum = fixture.patch(warmup);
        running = fixture.running(momentum, warmup, 1, "step 0 loss 2.0\n", 3, step -> 2.0 - step * 0.1);
        control = new StoreRunControl(fixture.study, 2);
        control.occupy(1, running.id());
        page = new RunsViewModel(study, status, new SameThreadTaskExecutor(),
                s -> s == fixture.study ? Optional.of(fixture.monitor) : Optional.empty(),
                s -> s == fixture.study ? Optional.of(control) : Optional.empty());
        monitor = page.monitor();
        actions = page.actions();
        study.set(fixture.study);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private void select(Run run) {
        monitor.selectedProperty().set(monitor.row(run.id()).orElseThrow());
    }

    @Test
    void eachActionIsOfferedForTheRunsItFits() {
        assertThat(actions.availableProperty().get()).isTrue();
        select(running);
        assertThat(List.of(actions.canCancelProperty().get(), actions.canRetryProperty().get(),
                actions.canRunAgainProperty().get())).containsExactly(true, false, false);
        select(crashed);
        assertThat(List.of(actions.canCancelProperty().get(), actions.canRetryProperty().get(),
                actions.canRunAgainProperty().get())).containsExactly(false, true, false);
        select(succeeded);
        assertThat(List.of(actions.canCancelProperty().get(), actions.canRetryProperty().get(),
                actions.canRunAgainProperty().get())).containsExactly(false, false, true);
    }

    @Test
    void aStudyWithoutRunControlOffersNoActionsAndNoSlots() {
        study.set(FakeStudy.writable("fake", temp.resolve("fake")));
        assertThat(actions.availableProperty().get()).isFalse();
        assertThat(monitor.hosts()).isEmpty();
        RunsViewModel watchOnly = new RunsViewModel(new SimpleObjectProperty<>(fixture.study), status,
                new SameThreadTaskExecutor(), s -> Optional.of(fixture.monitor));
        watchOnly.monitor().refresh();
        assertThat(watchOnly.monitor().rows()).hasSize(3);
        assertThat(watchOnly.actions().availableProperty().get()).isFalse();
        assertThat(watchOnly.actions().canCancelProperty().get()).isFalse();
    }

    @Test
    void cancelRecordsItAndSaysSo() {
        select(running);
        actions.cancel();
        assertThat(control.calls).containsExactly("cancel " + running.id());
        assertThat(actions.messageProperty().get()).isEqualTo("Run " + running.id() + " is cancelled; it will not run.");
        assertThat(monitor.selectedProperty().get().run().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(actions.canCancelProperty().get()).isFalse();
        assertThat(actions.canRetryProperty().get()).as("a cancelled run may be retried").isTrue();
    }

    @Test
    void retryQueuesARunOfTheSamePatchAndSelectsIt() {
        select(crashed);
        actions.retry();
        Run retry = monitor.selectedProperty().get().run();
        assertThat(retry.id()).isGreaterThan(running.id());
        assertThat(retry.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(retry.patchId()).isEqualTo(crashed.patchId());
        assertThat(actions.messageProperty().get())
                .isEqualTo("Run " + retry.id() + " is queued: a retry of run " + crashed.id() + ".");
        assertThat(monitor.liveProperty().get()).as("a queued run keeps the page reading").isTrue();
    }

    @Test
    void runAgainQueuesAVisibleRepeatWhoseRewardDoesNotCount() {
        select(succeeded);
        actions.runAgain();
        RunMonitor.Row repeat = monitor.selectedProperty().get();
        assertThat(repeat.repeatOf()).isEqualTo(succeeded.id());
        assertThat(repeat.title()).isEqualTo("Cosine schedule");
        assertThat(actions.messageProperty().get()).startsWith("Run " + repeat.run().id() + " is queued: a repeat of run "
                + succeeded.id() + " to measure noise");
    }

    @Test
    void aRefusalShowsItsSentenceAndChangesNothing() {
        select(crashed);
        actions.retry();
        select(crashed);
        actions.retry();
        assertThat(actions.messageProperty().get()).endsWith("of the same patch is queued already; wait for it, or"
                + " cancel it and retry.");
        assertThat(monitor.rows()).hasSize(4);
        assertThat(actions.busyProperty().get()).isFalse();
    }

    @Test
    void theSlotMapIsReadWithTheRunsAndSaysWhyWhenItCannotBe() {
        assertThat(monitor.hosts()).singleElement().satisfies(host -> {
            assertThat(host.name()).isEqualTo("local");
            assertThat(host.slots()).extracting(RunControl.HostSlot::runId).containsExactly(null, running.id());
            assertThat(host.busy()).isEqualTo(1);
        });
        control.occupy(1, null);
        monitor.refresh();
        assertThat(monitor.hosts().getFirst().busy()).isZero();

        RunsViewModel broken = new RunsViewModel(new SimpleObjectProperty<>(fixture.study), status,
                new SameThreadTaskExecutor(), s -> Optional.of(fixture.monitor), s -> Optional.of(new StoreRunControl(
                        fixture.study, 1) {
                    @Override
                    public List<Host> hosts() {
                        throw new IllegalStateException("run.target is docker, but the Docker target is not built into"
                                + " this Groundwork yet; set run.target: local to run as local processes.");
                    }
                }));
        broken.monitor().refresh();
        assertThat(broken.monitor().hosts()).isEmpty();
        assertThat(broken.monitor().hostsMessageProperty().get()).startsWith("run.target is docker");
        assertThat(broken.monitor().rows()).as("the runs still show").hasSize(3);
    }

    @Test
    void theLogGrowsByTheLinesWrittenSinceTheLastRead() throws Exception {
        select(running);
        assertThat(monitor.log().lines()).containsExactly("step 0 loss 2.0");
        List<LiveLog.Update> updates = new ArrayList<>();
        monitor.log().updateProperty().addListener((o, old, update) -> updates.add(update));
        Path file = fixture.study.dir().resolve(running.logPath());
        Files.writeString(file, "step 1 loss 1.9\nstep 2 loss 1.8\nstep 3 lo", StandardOpenOption.APPEND);

        monitor.refresh();
        assertThat(updates).containsExactly(new LiveLog.Update(false, 0, 1, List.of("step 1 loss 1.9", "step 2 loss 1.8")));
        Files.writeString(file, "ss 1.7\n", StandardOpenOption.APPEND);
        monitor.refresh();
        assertThat(monitor.log().lines()).containsExactly("step 0 loss 2.0", "step 1 loss 1.9", "step 2 loss 1.8",
                "step 3 loss 1.7");
        assertThat(updates).hasSize(2);
    }

    @Test
    void progressAndSlotReadAsTheTableShowsThem() {
        RunMonitor.Row row = monitor.row(running.id()).orElseThrow();
        assertThat(RunsMonitorViewModel.progress(row)).as("the baseline is not run in this study: no total")
                .isEqualTo("step 2");
        assertThat(RunsMonitorViewModel.progress(new RunMonitor.Row(running, "x", null,
                new RunMonitor.Progress(240, 900L, true)))).isEqualTo("240/~900");
        assertThat(RunsMonitorViewModel.progress(new RunMonitor.Row(running, "x", null,
                new RunMonitor.Progress(30, 160L, false)))).isEqualTo("30/160");
        assertThat(RunsMonitorViewModel.progress(monitor.row(succeeded.id()).orElseThrow())).isEmpty();
        assertThat(RunsMonitorViewModel.slot(running)).isEqualTo("local · GPU 0");
        Run onACpuSlot = fixture.study.store().runs().markStarting(fixture.study.store().runs().queue(
                new NewRun(null, null, 0, Reproducibility.none())).id(), "local", 1, List.of(), "runs/x/log.txt");
        assertThat(RunsMonitorViewModel.slot(onACpuSlot)).as("named as the slot map names it").isEqualTo("local · cpu1");
    }

    @Test
    void aStudyAnotherProcessHoldsShowsNeitherActionsNorSlots() {
        RunsViewModel held = new RunsViewModel(new SimpleObjectProperty<>(new FakeStudy("held", temp.resolve("held"),
                "groundwork run holds it", null)), status, new SameThreadTaskExecutor(), s -> Optional.of(fixture.monitor),
                s -> Optional.of(control));
        held.monitor().refresh();
        assertThat(held.monitor().rows()).as("its runs still show").hasSize(3);
        assertThat(held.monitor().hosts()).isEmpty();
        assertThat(held.actions().availableProperty().get()).isFalse();
    }

    @Test
    void aRepeatIsNotRetriedItsPatchSucceededAlready() {
        select(succeeded);
        actions.runAgain();
        select(monitor.selectedProperty().get().run());
        actions.cancel();
        assertThat(monitor.selectedProperty().get().run().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(monitor.selectedProperty().get().repeatOf()).isEqualTo(succeeded.id());
        assertThat(actions.canRetryProperty().get()).isFalse();
    }
}
