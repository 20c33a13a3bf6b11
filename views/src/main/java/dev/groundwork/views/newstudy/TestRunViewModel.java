package dev.groundwork.views.newstudy;

import dev.groundwork.model.common.Folders;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.intake.CodeSnapshot;
import dev.groundwork.model.intake.MetricSniffer;
import dev.groundwork.model.probe.BaselineProbe;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.views.common.BackgroundTask;
import dev.groundwork.views.common.Scheduled;
import dev.groundwork.views.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 4: the baseline run once, briefly, in a scratch folder (nothing of the study is written), with the same probe
 * as the command line: its output as it comes, and the metrics recognised in it with their last values. Cancellable.
 * Lines arrive on the run's threads and are taken in by {@link #poll()}, every {@link #POLL} while the run goes.
 */
public final class TestRunViewModel {

    /** The longest a test run goes on; a training run is stopped then, which is fine: its metric lines were seen. */
    public static final Duration MOST = Duration.ofMinutes(2);
    /** How often the lines that came are taken in while a test run goes: a few times a second. */
    static final Duration POLL = Duration.ofMillis(150);
    /** The log's last lines kept. */
    static final int LOG_LINES = 1000;

    /** A metric seen: its last value and on how many lines it came. */
    public record MetricRow(String name, double last, int lines) {}

    private final TaskExecutor tasks;
    private final Optional<RunTarget> target;
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();
    private final Map<String, MetricRow> rows = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<MetricSniffer.Seen> seen = new ConcurrentLinkedQueue<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(NOT_RUN);
    private final ReadOnlyObjectWrapper<MetricSniffer.Proposal> proposal = new ReadOnlyObjectWrapper<>();
    private final AtomicReference<RunHandle> handle = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private long attempt;
    private Scheduled polling;

    private static final String NOT_RUN = "Test-run the baseline to see which metrics it prints.";

    TestRunViewModel(TaskExecutor tasks, Optional<RunTarget> target) {
        this.tasks = tasks;
        this.target = target;
        running.addListener((o, was, now) -> {
            if (now) {
                polling = tasks.schedule(POLL, POLL, this::poll);
            } else {
                stopPolling();
                poll();
            }
        });
    }

    /** Stops taking in lines for good (the window closes). */
    public void stopPolling() {
        if (polling != null) {
            polling.cancel();
            polling = null;
        }
    }

    /** Whether the lines are taken in every {@link #POLL} now. */
    public boolean polling() {
        return polling != null;
    }

    /** Runs {@code command} on {@code code} for at most {@code limit} (and never longer than {@link #MOST}). */
    void start(CodeSnapshot code, List<String> command, Duration limit) {
        if (running.get()) {
            return;
        }
        if (target.isEmpty()) {
            reason.set("Test runs are not available in this window; create the study and run its baseline from the Runs"
                    + " page.");
            return;
        }
        Duration most = limit.compareTo(MOST) < 0 ? limit : MOST;
        long mine = ++attempt;
        log.clear();
        rows.clear();
        metrics.clear();
        lines.clear();
        seen.clear();
        proposal.set(null);
        handle.set(null);
        cancelled.set(false);
        running.set(true);
        status.set("Running " + String.join(" ", command) + " for at most " + words(most) + "…");
        reason.set("The test run is still going; wait for its metric lines, or cancel it.");
        BaselineProbe probe = new BaselineProbe(target.get());
        BackgroundTask task = tasks.submit("Test-running the baseline", progress -> {
            Path scratch = Files.createTempDirectory("groundwork-test-run");
            try {
                return probe.probe(code, command, most, scratch, new BaselineProbe.Watcher() {
                    @Override
                    public void started(RunHandle run) {
                        handle.set(run);
                        if (cancelled.get()) {
                            run.cancel();
                        }
                    }

                    @Override
                    public void line(String line, boolean stderr) {
                        lines.add(line);
                    }

                    @Override
                    public void metricLine(MetricSniffer.Seen line) {
                        seen.add(line);
                    }
                });
            } finally {
                Folders.deleteTree(scratch);
            }
        }, result -> {
            if (mine == attempt) {
                finish(result, most);
            }
        }, failure -> {
            if (mine == attempt) {
                fail(failure);
            }
        });
        task.stopsWith(this::cancel);
    }

    /** Stops the test run; its outcome then says it was cancelled. */
    public void cancel() {
        cancelled.set(true);
        RunHandle run = handle.get();
        if (run != null) {
            run.cancel();
        }
    }

    /** Forgets the outcome (the files or command it ran changed); a run still going is stopped. */
    void reset() {
        if (running.get()) {
            cancel();
        }
        attempt++;
        running.set(false);
        proposal.set(null);
        if (!log.isEmpty() || !status.get().isEmpty()) {
            status.set("The files or the run command changed since the last test run; test-run again.");
        }
        reason.set(NOT_RUN);
    }

    /** Takes in the lines that came since the last call; call on the UI thread. */
    public void poll() {
        List<String> fresh = drain(lines);
        if (!fresh.isEmpty()) {
            log.addAll(fresh);
            if (log.size() > LOG_LINES) {
                log.remove(0, log.size() - LOG_LINES);
            }
        }
        List<MetricSniffer.Seen> metricLines = drain(seen);
        for (MetricSniffer.Seen line : metricLines) {
            line.values().forEach((name, value) -> rows.merge(name, new MetricRow(name, value, 1),
                    (old, now) -> new MetricRow(name, value, old.lines() + 1)));
        }
        if (!metricLines.isEmpty()) {
            metrics.setAll(rows.values());
        }
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> taken = new java.util.ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            taken.add(item);
        }
        return taken;
    }

    private void finish(BaselineProbe.Result result, Duration most) {
        poll();
        running.set(false);
        String ended = result.stoppedAtLimit() ? "was stopped after " + words(most) + ", as a test run is"
                : String.format(Locale.ROOT, "ended after %.1f s with exit %s", result.exit().seconds(),
                        result.exit().exitCode());
        if (result.exit().failure() == FailureClass.CANCELLED || cancelled.get() && !result.exit().succeeded()) {
            status.set("The test run was cancelled.");
            reason.set("The test run was cancelled; test-run the baseline again to see its metrics.");
        } else if (result.failed()) {
            status.set("The baseline failed: it " + ended + ".");
            reason.set("The baseline failed (it " + ended + "); its last lines are in the log. Fix your code or the run"
                    + " command, then test-run again.");
        } else if (result.proposal().isEmpty()) {
            status.set("The baseline " + ended + " and printed no metric line.");
            reason.set("The baseline printed no metric line Groundwork can read; make it print JSON lines such as"
                    + " {\"step\": 100, \"val_loss\": 2.31}, or key=value pairs with a step (step=100 val_loss=2.31),"
                    + " then test-run again.");
        } else {
            MetricSniffer.Proposal seenProposal = result.proposal().get();
            proposal.set(seenProposal);
            status.set("Saw " + (result.seen().size() == 1 ? "1 metric line" : result.seen().size() + " metric lines")
                    + " (" + String.join(", ", seenProposal.metrics()) + ", read as " + seenProposal.format().describe()
                    .replaceFirst("^regex .*", "key=value pairs") + "); the baseline " + ended + ".");
            reason.set("");
        }
    }

    private void fail(Exception failure) {
        poll();
        running.set(false);
        status.set("The test run could not start.");
        reason.set(failure instanceof RunStartException ? "The run command could not start (" + failure.getMessage()
                + "); correct it on the Run step, then test-run again." : "The test run failed (" + failure.getMessage()
                + "); check that the code's folder can be copied, then test-run again.");
    }

    private static String words(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + (seconds == 60 ? " minute" : " minutes") : seconds + " s";
    }

    public ObservableList<String> log() {
        return log;
    }

    public ObservableList<MetricRow> metrics() {
        return metrics;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the last test run did, one sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the step cannot go on; empty after a test run that printed metric lines. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** What the test run proposes for the study's metrics and reward; null until one printed metric lines. */
    public ReadOnlyObjectProperty<MetricSniffer.Proposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }
}
