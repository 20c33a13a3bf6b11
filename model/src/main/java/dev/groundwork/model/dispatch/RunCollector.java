package dev.groundwork.model.dispatch;

import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.metrics.MetricParser;
import dev.groundwork.model.metrics.RewardScorer;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.store.StudyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Listens to one run: parses metric lines as they come and stores them in batches, keeps the reward metric's series,
 * and on exit scores it and records the outcome. The end is recorded only after the start was (a fast process can end
 * before its start is written).
 */
final class RunCollector implements RunListener {

    private static final int BATCH = 200;
    /**
     * Points are stored in batches of {@value #BATCH}, or as they come when the last batch went a second ago or more, so
     * that the curves of runs that report slowly still update live.
     */
    private static final long BATCH_NANOS = 1_000_000_000L;

    private final long runId;
    private final StudyStore store;
    private final MetricParser parser;
    private final RewardSpec reward;
    private final Consumer<String> notes;
    private final Runnable onDone;
    private final CompletableFuture<RunHandle> handle = new CompletableFuture<>();
    private final List<MetricPoint> pending = new ArrayList<>();
    private final List<MetricPoint> rewardSeries = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private long lastAppendNanos = startNanos - BATCH_NANOS;
    private volatile boolean interrupted;
    private volatile boolean cancelled;
    private volatile boolean refused;
    private volatile boolean hostDown;

    RunCollector(long runId, StudyStore store, MetricParser parser, RewardSpec reward, Consumer<String> notes,
                 Runnable onDone) {
        this.runId = runId;
        this.store = store;
        this.parser = parser;
        this.reward = reward;
        this.notes = notes;
        this.onDone = onDone;
    }

    void started(RunHandle started, Reproducibility reproducibility) {
        store.runs().markRunning(runId, started.id(), reproducibility);
        handle.complete(started);
    }

    /**
     * Follows a run a previous Groundwork started (re-attached after a restart): it is already recorded running, and
     * the reward metric's points so far are read back so that its score covers the whole series.
     */
    void resumed(RunHandle followed) {
        synchronized (this) {
            rewardSeries.addAll(store.metrics().series(runId, reward.metric()));
        }
        handle.complete(followed);
    }

    /** The run never started (cancelled before its process, or refused by its host): recorded so, its slot freed. */
    void notStarted(RunStatus status, FailureClass failure, String note) {
        refused = true;
        try {
            store.runs().finish(runId, status, null, failure, null);
            if (note != null) {
                notes.accept(note);
            }
        } finally {
            onDone.run();
        }
    }

    /** Stops the run because Groundwork is stopping: recorded as cancelled by an interruption, rerun on resume. */
    void interrupt() {
        interrupted = true;
        handle.thenAccept(RunHandle::cancel);
    }

    /** Stops the run because a person cancelled it: recorded as cancelled (failure class cancelled), never rerun. */
    void cancel() {
        cancelled = true;
        handle.thenAccept(RunHandle::cancel);
    }

    /** Its host did not answer when it was to start: it may run elsewhere. */
    void hostWentDown() {
        hostDown = true;
    }

    /**
     * Whether its end is the infrastructure's and running it again elsewhere may help: it ran and ended as an
     * infrastructure failure, or its host did not answer when it was to start (a start refused for any other reason —
     * a command not found, an image missing — would be refused again).
     */
    boolean endedByInfrastructure() {
        return hostDown || !refused;
    }

    /** Whether a person cancelled it (the dispatcher then does not start a run that has no process yet). */
    boolean cancelled() {
        return cancelled;
    }

    /** Both streams are parsed: Python's logging writes to stderr by default. */
    @Override
    public synchronized void onLine(String line, boolean stderr) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        for (MetricParser.Value value : parser.parse(line)) {
            MetricPoint point = new MetricPoint(runId, value.name(), value.step(), value.value(), wall);
            if (Double.isFinite(value.value())) {
                pending.add(point); // SQLite has no NaN; a diverged value still reaches the reward series below
            }
            if (value.name().equals(reward.metric())) {
                rewardSeries.add(point);
            }
        }
        long now = System.nanoTime();
        if (pending.size() >= BATCH || (!pending.isEmpty() && now - lastAppendNanos >= BATCH_NANOS)) {
            store.metrics().append(List.copyOf(pending));
            pending.clear();
            lastAppendNanos = now;
        }
    }

    @Override
    public void onExit(RunExit exit) {
        handle.join();
        synchronized (this) {
            store.metrics().append(List.copyOf(pending));
            pending.clear();
        }
        store.metrics().flush();
        try {
            record(exit);
        } finally {
            onDone.run();
        }
    }

    private void record(RunExit exit) {
        if (cancelled) {
            store.runs().finish(runId, RunStatus.CANCELLED, exit.exitCode(), FailureClass.CANCELLED, null);
            notes.accept("Run " + runId + " was cancelled.");
            return;
        }
        if (interrupted) {
            store.runs().finish(runId, RunStatus.CANCELLED, exit.exitCode(), FailureClass.INFRA, null);
            return;
        }
        if (!exit.succeeded()) {
            RunStatus status = switch (exit.failure()) {
                case TIMEOUT -> RunStatus.TIMED_OUT;
                case CANCELLED -> RunStatus.CANCELLED;
                default -> RunStatus.FAILED;
            };
            store.runs().finish(runId, status, exit.exitCode(), exit.failure(), null);
            notes.accept("Run " + runId + " " + status.wireName() + " (exit " + exit.exitCode() + ")"
                    + lastLine(exit.tail()));
            return;
        }
        RewardScorer.Score score = RewardScorer.score(rewardSeries, reward);
        if (score.valid()) {
            store.runs().finish(runId, RunStatus.SUCCEEDED, exit.exitCode(), null, score.reward());
        } else {
            store.runs().finish(runId, RunStatus.FAILED, exit.exitCode(), FailureClass.REWARD_INVALID, null);
            notes.accept("Run " + runId + " finished but scores as failed: " + score.reason());
        }
    }

    private static String lastLine(List<String> tail) {
        return tail.isEmpty() ? "." : ": " + tail.getLast().strip();
    }
}
