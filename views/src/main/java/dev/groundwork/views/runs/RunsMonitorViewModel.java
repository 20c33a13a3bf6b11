package dev.groundwork.views.runs;

import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Scheduled;
import dev.groundwork.views.common.TaskExecutor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run monitor on the Runs page: every run newest first, the hosts and their slots, the selected run's live log and
 * its reward-metric curve. {@link #refresh()} reads them all again in one background read and applies them in one UI
 * update; it reads them every {@link #POLL} while the page shows ({@link #showingProperty()}) and a run is queued or
 * active, or the window's loop runs and may start one at any moment ({@link #liveProperty()}). The log is read on from where the last read stopped
 * ({@link LiveLog}); about {@value #MAX_POINTS} curve points are held.
 */
public final class RunsMonitorViewModel {

    /** The most points of a curve kept for drawing (min and max per bucket beyond that). */
    public static final int MAX_POINTS = 500;
    /** How often the runs are read again while the page shows and is live. */
    public static final Duration POLL = Duration.ofSeconds(2);

    private final ObservableValue<? extends Study> study;
    private final TaskExecutor tasks;
    private final Function<Study, Optional<RunMonitor>> monitors;
    private final Function<Study, Optional<RunControl>> controls;
    private final ObservableValue<Boolean> loopRunning;
    private final Clock clock;
    private final ObservableList<RunMonitor.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<RunControl.Host> hosts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper hostsMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Optional<RunControl>> control = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObjectProperty<RunMonitor.Row> selected = new SimpleObjectProperty<>();
    private final LiveLog log = new LiveLog();
    private final ReadOnlyObjectWrapper<List<MetricPoint>> series = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper seriesSize = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper metric = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final BooleanProperty showing = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper();
    private Scheduled poll;
    /** Whether the last read had a queued, starting or running run. */
    private boolean runsLive;
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean reading;
    private boolean readAgain;
    private boolean applying;
    private long generation;
    private Long selectWhenRead;

    /**
     * @param changed  fires when the study's state was read again (its status): the runs are read again then
     * @param monitors the run monitor of a study, empty when the study offers none (the page then shows its numbers)
     */
    public RunsMonitorViewModel(ObservableValue<? extends Study> study, Observable changed, TaskExecutor tasks,
                                Function<Study, Optional<RunMonitor>> monitors) {
        this(study, changed, tasks, monitors, s -> Optional.empty(), new SimpleBooleanProperty(), Clock.systemUTC());
    }

    /**
     * @param controls    cancel, retry and the slot map of a study, empty when the study offers none (no controls show)
     * @param loopRunning whether the window's loop runs: it queues and starts runs without the page's knowing, and the
     *                    study's status is read again only now and then, so the page reads the runs itself meanwhile
     */
    public RunsMonitorViewModel(ObservableValue<? extends Study> study, Observable changed, TaskExecutor tasks,
                                Function<Study, Optional<RunMonitor>> monitors,
                                Function<Study, Optional<RunControl>> controls, ObservableValue<Boolean> loopRunning,
                                Clock clock) {
        this.study = study;
        this.tasks = tasks;
        this.monitors = monitors;
        this.controls = controls;
        this.loopRunning = loopRunning;
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        changed.addListener(o -> refresh());
        control.set(controlOf(study.getValue()));
        study.addListener(o -> {
            generation++;
            applying = true;
            selected.set(null);
            applying = false;
            showDetail(null);
            rows.clear();
            hosts.clear();
            hostsMessage.set("");
            active.set(false);
            runsLive = false;
            updateLive();
            control.set(controlOf(study.getValue()));
            refresh();
        });
        loopRunning.addListener((property, was, running) -> {
            updateLive();
            if (Boolean.TRUE.equals(running)) {
                refresh();
            }
        });
        updateLive();
        showing.addListener((property, was, shows) -> {
            if (shows && live.get()) {
                refresh(); // what changed while another page showed, now rather than one poll later
            }
            updatePolling();
        });
        live.addListener(o -> updatePolling());
        selected.addListener((property, old, row) -> {
            if (!applying && (row == null || old == null || row.run().id() != old.run().id())) {
                show(row);
            }
        });
    }

    /**
     * Reads the runs, the slots and the selected run's new log lines and curve again, keeping the selected run (by id);
     * everything read is applied in one UI update.
     */
    public void refresh() {
        Optional<RunMonitor> monitor = monitor();
        if (monitor.isEmpty()) {
            applying = true;
            selected.set(null);
            applying = false;
            rows.clear();
            hosts.clear();
            showDetail(null);
            active.set(false);
            runsLive = false;
            updateLive();
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        long gen = generation;
        boolean move = selectWhenRead != null;
        Long keep = move ? selectWhenRead : selectedId();
        selectWhenRead = null;
        long from = keep == null ? -1 : log.offsetFor(keep);
        Optional<RunControl> slots = control.get();
        tasks.submit("Reading the runs", progress -> {
            List<RunMonitor.Row> read = monitor.get().rows();
            Long id = keep != null && read.stream().anyMatch(row -> row.run().id() == keep) ? keep
                    : keep == null && !read.isEmpty() ? Long.valueOf(read.getFirst().run().id()) : null;
            Detail detail = id == null ? null : detail(monitor.get(), id, id.equals(keep) ? from : -1);
            List<RunControl.Host> hostList = List.of();
            String hostProblem = "";
            if (slots.isPresent()) {
                try {
                    hostList = slots.get().hosts();
                } catch (RuntimeException e) {
                    hostProblem = e.getMessage();
                }
            }
            return new Snapshot(read, detail, hostList, hostProblem, move);
        }, snapshot -> {
            reading = false;
            if (gen == generation) {
                apply(snapshot);
            }
            again();
        }, failure -> {
            reading = false;
            message.set("The runs could not be read: " + failure.getMessage());
            again();
        });
    }

    private void again() {
        if (readAgain) {
            readAgain = false;
            refresh();
        }
    }

    private void apply(Snapshot snapshot) {
        now.set(clock.instant());
        rows.setAll(snapshot.rows());
        hosts.setAll(snapshot.hosts());
        hostsMessage.set(snapshot.hostsProblem());
        active.set(snapshot.rows().stream().anyMatch(row -> row.run().status().isActive()));
        runsLive = snapshot.rows().stream().anyMatch(row -> !row.run().status().isFinal());
        updateLive();
        Long id = snapshot.detail() == null ? null : snapshot.detail().runId();
        Long current = selectedId();
        if (!snapshot.moveSelection() && current != null && !current.equals(id)
                && snapshot.rows().stream().anyMatch(row -> row.run().id() == current)) {
            // The selection moved while the runs were read: keep it, its own read is under way.
            select(current, snapshot.rows());
            return;
        }
        select(id, snapshot.rows());
        showDetail(snapshot.detail());
        message.set("");
    }

    /** Polls while the page shows and is live; stops (cancels the repeat) as soon as either ends. */
    private void updatePolling() {
        boolean wanted = showing.get() && live.get();
        if (wanted && poll == null) {
            poll = tasks.schedule(POLL, POLL, this::refresh);
        } else if (!wanted && poll != null) {
            poll.cancel();
            poll = null;
        }
        polling.set(poll != null);
    }

    private void updateLive() {
        live.set(runsLive || Boolean.TRUE.equals(loopRunning.getValue()));
    }

    private void select(Long id, List<RunMonitor.Row> read) {
        applying = true;
        selected.set(id == null ? null : read.stream().filter(row -> row.run().id() == id).findFirst().orElse(null));
        applying = false;
    }

    private void show(RunMonitor.Row row) {
        showDetail(null);
        Optional<RunMonitor> monitor = monitor();
        if (row == null || monitor.isEmpty()) {
            return;
        }
        long id = row.run().id();
        tasks.submit("Reading run " + id, progress -> detail(monitor.get(), id, -1), detail -> {
            if (id == (selectedId() == null ? -1 : selectedId())) {
                showDetail(detail);
            }
        }, failure -> message.set("Run " + id + " could not be read: " + failure.getMessage()));
    }

    private void showDetail(Detail detail) {
        if (detail == null) {
            log.clear();
            series.set(List.of());
            seriesSize.set(0);
            return;
        }
        log.apply(detail.log());
        series.set(detail.series());
        seriesSize.set(detail.points());
        monitor().ifPresent(m -> metric.set(m.rewardMetric()));
    }

    private static Detail detail(RunMonitor monitor, long id, long logFrom) throws IOException {
        RunMonitor.LogChunk chunk = monitor.log(id, logFrom, LiveLog.READ_BYTES);
        List<MetricPoint> all = monitor.series(id, monitor.rewardMetric());
        return new Detail(id, chunk, RunCurve.decimate(all, MAX_POINTS), all.size());
    }

    /** Reads the runs again and selects {@code id} (a retry just queued) once they are read. */
    public void selectWhenRead(long id) {
        selectWhenRead = id;
        refresh();
    }

    /** A study another process holds (read-only here) has its slots there: this window can neither see nor use them. */
    private Optional<RunControl> controlOf(Study current) {
        return current == null || current.readOnly() ? Optional.empty() : controls.apply(current);
    }

    private Long selectedId() {
        return selected.get() == null ? null : selected.get().run().id();
    }

    private Optional<RunMonitor> monitor() {
        Study current = study.getValue();
        return current == null ? Optional.empty() : monitors.apply(current);
    }

    /** Whether this study has a run monitor at all (a real study does; a fake in a test may not). */
    public boolean available() {
        return monitor().isPresent();
    }

    /** Every run, newest first, with its idea's title. */
    public ObservableList<RunMonitor.Row> rows() {
        return rows;
    }

    /** The run whose log and curve show. */
    public ObjectProperty<RunMonitor.Row> selectedProperty() {
        return selected;
    }

    /** The selected run's log: its last lines, follow and search. */
    public LiveLog log() {
        return log;
    }

    /** Every host with its slots, free or busy (empty when the study offers no run control). */
    public ObservableList<RunControl.Host> hosts() {
        return hosts;
    }

    /** Why the slots could not be read (a run target the spec names but this Groundwork cannot reach), or empty. */
    public ReadOnlyStringProperty hostsMessageProperty() {
        return hostsMessage.getReadOnlyProperty();
    }

    /** Cancel, retry and the slot map of the open study, when it offers them. */
    public ReadOnlyObjectProperty<Optional<RunControl>> controlProperty() {
        return control.getReadOnlyProperty();
    }

    /** The row of a run, if the last read had it. */
    public Optional<RunMonitor.Row> row(long runId) {
        return rows.stream().filter(row -> row.run().id() == runId).findFirst();
    }

    /** The selected run's reward metric in step order, thinned to about {@value #MAX_POINTS} points. */
    public ReadOnlyObjectProperty<List<MetricPoint>> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    /** How many points the selected run's reward metric has before thinning. */
    public ReadOnlyIntegerProperty seriesSizeProperty() {
        return seriesSize.getReadOnlyProperty();
    }

    /** The metric the reward is computed from, e.g. val_loss. */
    public ReadOnlyStringProperty metricProperty() {
        return metric.getReadOnlyProperty();
    }

    /**
     * Whether the page shows in a showing window; the view binds it. The runs are polled only while it does, so a page
     * left or a window closed leaves no repeat behind.
     */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** Whether the runs are read every {@link #POLL} now (the page shows, and it is live). */
    public ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }

    /** Whether any run is starting or running. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /**
     * Whether any run is queued, starting or running, or the window's loop runs (it may start one any moment): the page
     * reads the runs again every couple of seconds then.
     */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** When the runs were last read: running runs' elapsed time counts up to it. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** Why the runs could not be read, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Wall-clock time the run held its slot, mm:ss (h:mm:ss from an hour on); empty before it started. */
    public static String elapsed(Run run, Instant now) {
        if (run.startedAt() == null) {
            return "";
        }
        long seconds = (long) run.elapsedSeconds(now);
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    /** The reward to four decimals, or empty when the run has none. */
    public static String reward(Run run) {
        return run.reward() == null ? "" : String.format(Locale.ROOT, "%.4f", run.reward());
    }

    /** The failure class's wire name, or empty. */
    public static String failure(Run run) {
        return run.failureClass() == null ? "" : run.failureClass().wireName();
    }

    /**
     * How far an active run has got, for the table: "240/900", "240/~900" when the total is the baseline's steps, "step
     * 1000" when there is no total; empty when not active or no step was reported.
     */
    public static String progress(RunMonitor.Row row) {
        RunMonitor.Progress progress = row.progress();
        if (progress == null) {
            return "";
        }
        if (progress.total() == null) {
            return "step " + progress.step();
        }
        return progress.step() + "/" + (progress.estimated() ? "~" : "") + progress.total();
    }

    /** Host and GPU ids of a run's slot: "local", "local · GPU 0,1"; empty before it got a slot. */
    public static String slot(Run run) {
        if (run.host() == null) {
            return "";
        }
        if (!run.gpuIds().isEmpty()) {
            return run.host() + " · GPU " + run.gpuIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return run.slot() == null ? run.host() : run.host() + " · cpu" + run.slot(); // as the slot map names it
    }

    /**
     * Where a run ran: "Host gpu-box · GPUs 0, 1 · NVIDIA H100 80GB HBM3", "Host local · no GPU"; the GPU model only when
     * the run recorded one. Empty before it got a host.
     */
    public static String where(Run run) {
        if (run.host() == null) {
            return "";
        }
        String gpus = run.gpuIds().isEmpty() ? "no GPU" : (run.gpuIds().size() == 1 ? "GPU " : "GPUs ")
                + run.gpuIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String model = run.reproducibility().gpuModel();
        return "Host " + run.host() + " · " + gpus + (model == null || model.isBlank() ? "" : " · " + model);
    }

    /** The image a container run ran in, by digest; empty for a run that ran in no container (a local process). */
    public static String imageDigest(Run run) {
        String digest = run.reproducibility().imageDigest();
        return digest == null ? "" : digest.strip();
    }

    private record Detail(long runId, RunMonitor.LogChunk log, List<MetricPoint> series, int points) {}

    private record Snapshot(List<RunMonitor.Row> rows, Detail detail, List<RunControl.Host> hosts, String hostsProblem,
                            boolean moveSelection) {}
}
