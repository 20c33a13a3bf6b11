package dev.groundwork.model.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.NewIdea;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retry and run again on a real minimal study (runs made through the store), and how rewards count once a patch has
 * several runs: the first successful one counts, repeats show as repeats.
 */
class RunRequestsTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyFolder study;
    private RunRequests requests;
    private RunMonitor monitor;

    @BeforeEach
    void open() throws Exception {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC())
                .create(temp.resolve("study"), "minimal");
        requests = new RunRequests(study);
        monitor = new RunMonitor(study);
    }

    @AfterEach
    void close() throws Exception {
        study.close();
        settings.close();
    }

    private Patch patch(String title) {
        Idea idea = study.store().ideas().propose(new NewIdea(1, IdeaOrigin.CATALOG, title, ""));
        Patch patch = study.store().patches().add(new NewPatch(idea.id(), "diff", "base", null, "catalog"));
        study.store().patches().markApplied(patch.id(), "applied", patch.diff(), "c0ffee" + patch.id());
        return study.store().patches().get(patch.id());
    }

    private Run run(Patch patch, RunStatus outcome, FailureClass failure, Double reward) {
        Run run = study.store().runs().queue(new NewRun(patch == null ? null : patch.id(),
                patch == null ? null : patch.ideaId(), patch == null ? 0 : 1, Reproducibility.none()));
        study.store().runs().markStarting(run.id(), "local", List.of(), "runs/" + run.id() + "/log.txt");
        study.store().runs().markRunning(run.id(), "pid", Reproducibility.none());
        return outcome == RunStatus.RUNNING ? study.store().runs().get(run.id())
                : study.store().runs().finish(run.id(), outcome, 0, failure, reward);
    }

    @Test
    void retryQueuesOneMoreRunOfTheSamePatchInTheSameEpochWithTheSpecsCommand() {
        Patch patch = patch("Cosine schedule");
        Run crashed = run(patch, RunStatus.FAILED, FailureClass.CODE, null);

        Run retry = requests.retry(crashed.id());
        assertThat(retry.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(retry.patchId()).isEqualTo(patch.id());
        assertThat(retry.ideaId()).isEqualTo(patch.ideaId());
        assertThat(retry.epoch()).isEqualTo(crashed.epoch());
        assertThat(retry.reproducibility().command()).containsExactly("python3", "train.py");

        assertThatThrownBy(() -> requests.retry(crashed.id())).hasMessage("Run " + retry.id()
                + " of the same patch is queued already; wait for it, or cancel it and retry.");
        assertThatThrownBy(() -> requests.retry(retry.id())).hasMessageContaining("is queued; it can be retried");
    }

    @Test
    void retryAndRunAgainSayWhichOneFits() {
        Patch patch = patch("Momentum");
        Run good = run(patch, RunStatus.SUCCEEDED, null, 0.5);
        Run timedOut = run(patch("Slow"), RunStatus.TIMED_OUT, FailureClass.TIMEOUT, null);

        assertThatThrownBy(() -> requests.retry(good.id()))
                .hasMessage("Run " + good.id() + " succeeded; use Run again to repeat it and measure noise.");
        assertThatThrownBy(() -> requests.runAgain(timedOut.id()))
                .hasMessage("Run " + timedOut.id() + " did not succeed (timed-out); use Retry to run it again.");
        Run running = run(patch("Running"), RunStatus.RUNNING, null, null);
        assertThatThrownBy(() -> requests.runAgain(running.id())).hasMessageContaining("is running");
        assertThat(requests.retry(timedOut.id()).status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void aFailedRunOfAPatchThatSucceededOnceIsRepeatedNotRetried() {
        Patch patch = patch("Momentum");
        Run good = run(patch, RunStatus.SUCCEEDED, null, 0.5);
        Run cancelled = run(patch, RunStatus.CANCELLED, FailureClass.CANCELLED, null);
        assertThatThrownBy(() -> requests.retry(cancelled.id())).hasMessage("Run " + good.id()
                + " of the same patch succeeded already; use Run again on it to measure noise.");
    }

    @Test
    void aRepeatShowsAsARepeatAndItsRewardNeverCountsEvenWhenBetter() {
        Run baseline = run(null, RunStatus.SUCCEEDED, null, 1.0);
        Patch patch = patch("Momentum");
        Run first = run(patch, RunStatus.SUCCEEDED, null, 0.5);

        Run repeat = requests.runAgain(first.id());
        Run baselineRepeat = requests.runAgain(baseline.id());
        assertThat(repeat.patchId()).isEqualTo(patch.id());
        assertThat(baselineRepeat.patchId()).isNull();
        finish(repeat, 0.3); // luckier draw: it must not become the idea's reward
        finish(baselineRepeat, 1.4);

        boolean higherIsBetter = false;
        assertThat(study.store().runs().bestRewardsByIdea(higherIsBetter)).containsEntry(patch.ideaId(), 0.5);
        assertThat(study.store().runs().baselineReward()).contains(1.0);
        assertThat(study.status().best().run()).isEqualTo(first.id());
        assertThat(study.status().best().reward()).isEqualTo(0.5);
        assertThat(study.status().baselineReward()).isEqualTo(1.0);
        assertThat(study.status().runs()).as("a repeat is a run like any other in the counts")
                .containsEntry("succeeded", 4);

        List<RunMonitor.Row> rows = monitor.rows();
        assertThat(rows).filteredOn(row -> row.run().id() == repeat.id()).singleElement()
                .satisfies(row -> assertThat(row.repeatOf()).isEqualTo(first.id()));
        assertThat(rows).filteredOn(row -> row.run().id() == baselineRepeat.id()).singleElement()
                .satisfies(row -> assertThat(row.repeatOf()).isEqualTo(baseline.id()));
        assertThat(rows).filteredOn(row -> row.run().id() == first.id()).singleElement()
                .satisfies(row -> assertThat(row.repeatOf()).isNull());
    }

    @Test
    void aRetryThatSucceedsIsTheRunThatCounts() {
        Patch patch = patch("Warmup");
        Run lost = run(patch, RunStatus.LOST, FailureClass.INFRA, null);
        Run retry = requests.retry(lost.id());
        finish(retry, 0.7);
        assertThat(study.store().runs().bestRewardsByIdea(false)).containsEntry(patch.ideaId(), 0.7);
        assertThat(monitor.rows()).allSatisfy(row -> assertThat(row.repeatOf()).isNull());
    }

    @Test
    void progressOfAnActiveRunComesFromItsTotalStepsOrTheBaselinesLastStep() {
        Run baseline = run(null, RunStatus.RUNNING, null, null);
        points(baseline.id(), "val_loss", 0, 1000, 100);
        study.store().runs().finish(baseline.id(), RunStatus.SUCCEEDED, 0, null, 1.0);
        Run estimated = run(patch("Estimated"), RunStatus.RUNNING, null, null);
        points(estimated.id(), "train_loss", 0, 250, 10);
        Run exact = run(patch("Exact"), RunStatus.RUNNING, null, null);
        points(exact.id(), "train_loss", 0, 40, 10);
        points(exact.id(), RunMonitor.TOTAL_STEPS, 0, 40, 10, 160);
        Run longer = run(patch("Longer"), RunStatus.RUNNING, null, null);
        points(longer.id(), "train_loss", 0, 1500, 500);
        Run silent = run(patch("Silent"), RunStatus.RUNNING, null, null);

        assertThat(progressOf(estimated)).isEqualTo(new RunMonitor.Progress(240, 900L, true));
        assertThat(progressOf(exact)).isEqualTo(new RunMonitor.Progress(30, 160L, false));
        assertThat(progressOf(exact).fraction()).isEqualTo(30 / 160.0);
        assertThat(progressOf(longer)).as("past the baseline's steps: no estimate").isEqualTo(
                new RunMonitor.Progress(1000, null, false));
        assertThat(progressOf(longer).fraction()).isEqualTo(-1);
        assertThat(progressOf(silent)).isNull();
        assertThat(progressOf(baseline)).as("finished runs show no progress").isNull();
    }

    @Test
    void theLogIsReadOnFromWhereTheLastReadStoppedInWholeLines() throws Exception {
        Run run = run(patch("Logged"), RunStatus.RUNNING, null, null);
        Path log = study.dir().resolve(run.logPath());
        Files.createDirectories(log.getParent());
        Files.writeString(log, "one\ntwo\nthr");

        RunMonitor.LogChunk first = monitor.log(run.id(), -1, 1024);
        assertThat(first.restarted()).isTrue();
        assertThat(first.lines()).containsExactly("one", "two");
        Files.writeString(log, "ee\nfour\n", java.nio.file.StandardOpenOption.APPEND);
        RunMonitor.LogChunk next = monitor.log(run.id(), first.to(), 1024);
        assertThat(next.restarted()).isFalse();
        assertThat(next.lines()).containsExactly("three", "four");
        assertThat(monitor.log(run.id(), next.to(), 1024).lines()).isEmpty();

        Files.writeString(log, "x".repeat(50) + "\n" + "tail line\n", java.nio.file.StandardOpenOption.APPEND);
        RunMonitor.LogChunk far = monitor.log(run.id(), next.to(), 20);
        assertThat(far.restarted()).as("too far behind: start over with the last bytes").isTrue();
        assertThat(far.lines()).containsExactly("tail line");
    }

    private RunMonitor.Progress progressOf(Run run) {
        return monitor.rows().stream().filter(row -> row.run().id() == run.id()).findFirst().orElseThrow().progress();
    }

    private void points(long runId, String name, long from, long to, long every) {
        points(runId, name, from, to, every, Double.NaN);
    }

    private void points(long runId, String name, long from, long to, long every, double value) {
        List<MetricPoint> points = new ArrayList<>();
        for (long step = from; step < to; step += every) {
            points.add(new MetricPoint(runId, name, step, Double.isNaN(value) ? 1.0 / (step + 1) : value, step));
        }
        study.store().metrics().append(points);
        study.store().metrics().flush();
    }

    private void finish(Run queued, double reward) {
        study.store().runs().markStarting(queued.id(), "local", List.of(), "runs/" + queued.id() + "/log.txt");
        study.store().runs().markRunning(queued.id(), "pid", Reproducibility.none());
        study.store().runs().finish(queued.id(), RunStatus.SUCCEEDED, 0, null, reward);
    }
}
