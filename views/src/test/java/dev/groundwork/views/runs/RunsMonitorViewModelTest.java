package dev.groundwork.views.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.fakes.FakeStudy;
import dev.groundwork.views.fakes.Statuses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run monitor's view model on a real minimal study, with work done on the calling thread. */
class RunsMonitorViewModelTest {

    @TempDir
    Path temp;

    private RunsStudy fixture;
    private final SimpleObjectProperty<Study> study = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<StudyStatus> status = new SimpleObjectProperty<>();
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private RunsMonitorViewModel vm;
    private Run baseline;
    private Run cosine;

    @BeforeEach
    void open() throws Exception {
        fixture = new RunsStudy(temp);
        baseline = fixture.running(null, 0, "starting baseline\nstep 0 val_loss 2.0\n", 5, step -> 2.0 - step * 0.1);
        baseline = fixture.succeeded(baseline.id(), 1.6);
        Idea idea = fixture.idea("Cosine schedule");
        String log = IntStream.range(0, 300).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
        cosine = fixture.running(idea, 1, log, 10, step -> 1.9 - step * 0.05);
        vm = new RunsMonitorViewModel(study, status, tasks,
                s -> s == fixture.study ? Optional.of(fixture.monitor) : Optional.empty());
        study.set(fixture.study);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void whileThePageShowsAndARunIsLiveTheRunsAreReadEveryPollAndThePollingStopsWhenThePageCloses() throws Exception {
        assertThat(vm.liveProperty().get()).as("the cosine run is running").isTrue();
        assertThat(tasks.scheduled()).as("not shown: no polling").isZero();

        vm.showingProperty().set(true);
        assertThat(vm.pollingProperty().get()).isTrue();
        Run queued = fixture.queued(null);
        tasks.advance(RunsMonitorViewModel.POLL.minusMillis(1));
        assertThat(vm.rows()).as("before the poll is due").hasSize(2);
        tasks.advance(java.time.Duration.ofMillis(1));
        assertThat(vm.rows()).extracting(row -> row.run().id()).contains(queued.id());

        vm.showingProperty().set(false); // another page, or the window closed
        assertThat(vm.pollingProperty().get()).isFalse();
        assertThat(tasks.scheduled()).as("no repeat left behind").isZero();
        Run another = fixture.queued(null);
        tasks.advance(RunsMonitorViewModel.POLL.multipliedBy(3));
        assertThat(vm.rows()).extracting(row -> row.run().id()).doesNotContain(another.id());
    }

    @Test
    void thePollingStopsOnceNoRunIsLive() throws Exception {
        vm.showingProperty().set(true);
        assertThat(tasks.scheduled()).isEqualTo(1);
        fixture.succeeded(cosine.id(), 1.4);
        tasks.advance(RunsMonitorViewModel.POLL);
        assertThat(vm.liveProperty().get()).isFalse();
        assertThat(tasks.scheduled()).isZero();
    }

    @Test
    void rowsAreReadNewestFirstAndTheNewestIsSelectedWithItsLogAndCurve() {
        assertThat(vm.rows()).extracting(row -> row.run().id()).containsExactly(cosine.id(), baseline.id());
        assertThat(vm.rows()).extracting(RunMonitor.Row::title).containsExactly("Cosine schedule", "baseline");
        assertThat(vm.selectedProperty().get().run().id()).isEqualTo(cosine.id());
        assertThat(vm.metricProperty().get()).isEqualTo(RunsStudy.METRIC);

        List<String> lines = vm.log().lines();
        assertThat(lines).hasSize(300).startsWith("line 0").endsWith("line 299");
        assertThat(vm.seriesProperty().get()).hasSize(10).extracting(MetricPoint::name).containsOnly(RunsStudy.METRIC);
        assertThat(vm.seriesProperty().get().getFirst().value()).isEqualTo(1.9);
        assertThat(vm.seriesSizeProperty().get()).isEqualTo(10);
        assertThat(vm.activeProperty().get()).as("the cosine run is running").isTrue();
    }

    @Test
    void whereARunRanIsItsHostItsGpusItsGpuModelAndForAContainerItsImage() throws Exception {
        Run queued = fixture.queued(null);
        Run container = fixture.running(null, null, 0, "", 0, step -> 0, "gpu-box", List.of(0, 1),
                new Reproducibility(List.of("python3", "train.py"), List.of(), null, "sha256:0b7d", "NVIDIA A100-SXM4-80GB"));

        assertThat(RunsMonitorViewModel.where(queued)).as("no host yet").isEmpty();
        assertThat(RunsMonitorViewModel.where(cosine)).isEqualTo("Host local · GPU 0");
        assertThat(RunsMonitorViewModel.imageDigest(cosine)).as("a local process ran in no image").isEmpty();
        assertThat(RunsMonitorViewModel.where(container)).isEqualTo("Host gpu-box · GPUs 0, 1 · NVIDIA A100-SXM4-80GB");
        assertThat(RunsMonitorViewModel.imageDigest(container)).isEqualTo("sha256:0b7d");
    }

    @Test
    void selectingARunReadsItsLogAndCurve() {
        vm.selectedProperty().set(vm.rows().getLast());
        assertThat(vm.log().text()).isEqualTo("starting baseline\nstep 0 val_loss 2.0");
        assertThat(vm.seriesProperty().get()).extracting(MetricPoint::step).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(RunsMonitorViewModel.reward(vm.selectedProperty().get().run())).isEqualTo("1.6000");
    }

    @Test
    void aRefreshKeepsTheSelectionAndReadsWhatWasAdded() throws Exception {
        vm.selectedProperty().set(vm.rows().getLast());
        Run queued = fixture.queued(null);
        fixture.appendMetric(cosine.id(), 10, 20, step -> 1.0);
        Files.writeString(fixture.study.dir().resolve(baseline.logPath()), "done\n",
                java.nio.file.StandardOpenOption.APPEND);

        vm.refresh();
        assertThat(vm.rows()).extracting(row -> row.run().id()).containsExactly(queued.id(), cosine.id(), baseline.id());
        assertThat(vm.selectedProperty().get().run().id()).as("kept by id").isEqualTo(baseline.id());
        assertThat(vm.log().text()).endsWith("\ndone");

        vm.selectedProperty().set(vm.rows().get(1));
        assertThat(vm.seriesProperty().get()).hasSize(20);
        fixture.failed(cosine.id(), FailureClass.OOM);
        status.set(Statuses.sample("minimal")); // the shell read the status again: the runs are read again
        Run failed = vm.selectedProperty().get().run();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(RunsMonitorViewModel.failure(failed)).isEqualTo("oom");
        assertThat(vm.activeProperty().get()).as("the queued run is not active yet").isFalse();
    }

    @Test
    void whileTheWindowsLoopRunsThePageIsLiveAndReadsTheRunsAtOnce() {
        fixture.succeeded(cosine.id(), 1.5);
        SimpleBooleanProperty loop = new SimpleBooleanProperty();
        SimpleObjectProperty<Study> open = new SimpleObjectProperty<>();
        RunsMonitorViewModel page = new RunsMonitorViewModel(open, status, new SameThreadTaskExecutor(),
                s -> Optional.of(fixture.monitor), s -> Optional.empty(), loop, Clock.systemUTC());
        open.set(fixture.study);
        assertThat(page.liveProperty().get()).as("every run has ended and no loop runs").isFalse();

        Run queued = fixture.queued(null); // by the loop, which tells the page nothing
        loop.set(true);

        assertThat(page.liveProperty().get()).as("the loop may start a run any moment").isTrue();
        assertThat(page.rows()).extracting(row -> row.run().id()).first().isEqualTo(queued.id());
        loop.set(false);
        assertThat(page.liveProperty().get()).as("its run is still queued").isTrue();
    }

    @Test
    void elapsedIsMinutesAndSecondsAndCountsForARunningRun() {
        Run running = vm.rows().getFirst().run();
        Instant start = running.startedAt();
        assertThat(RunsMonitorViewModel.elapsed(running, start.plusSeconds(75))).isEqualTo("01:15");
        assertThat(RunsMonitorViewModel.elapsed(running, start.plusSeconds(3725))).isEqualTo("1:02:05");
        Run queued = fixture.queued(null);
        assertThat(RunsMonitorViewModel.elapsed(queued, Instant.now())).isEmpty();
        assertThat(RunsMonitorViewModel.reward(queued)).isEmpty();
        assertThat(RunsMonitorViewModel.failure(queued)).isEmpty();
    }

    @Test
    void aStudyWithoutAMonitorHasNoRows() {
        study.set(FakeStudy.writable("fake", temp.resolve("fake")));
        assertThat(vm.available()).isFalse();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.log().text()).isEmpty();
        assertThat(vm.seriesProperty().get()).isEmpty();
        assertThat(vm.activeProperty().get()).isFalse();
    }
}
