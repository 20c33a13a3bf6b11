package dev.groundwork.views.runs;

import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.TaskExecutor;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run monitor on the Runs page: every run newest first, the selected run's log tail and its reward-metric curve.
 * {@link #refresh()} reads them again; the page calls it every couple of seconds while a run is active
 * ({@link #activeProperty()}). Reading goes through the task executor; at most {@value #LOG_LINES} log lines and about
 * {@value #MAX_POINTS} curve points are held.
 */
public final class RunsMonitorViewModel {

    /** How many lines of the selected run's log show. */
    public static final int LOG_LINES = 200;
    /** The most points of a curve kept for drawing (min and max per bucket beyond that). */
    public static final int MAX_POINTS = 500;

    private final ObservableValue<? extends Study> study;
    private final TaskExecutor tasks;
    private final Function<Study, Optional<RunMonitor>> monitors;
    private final Clock clock;
    private final ObservableList<RunMonitor.Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RunMonitor.Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper log = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<MetricPoint>> series = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper seriesSize = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper metric = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean reading;
    private boolean readAgain;
    private boolean applying;
    private long generation;

    /**
     * @param changed  fires when the study's state was read again (its status): the runs are read again then
     * @param monitors the run monitor of a study, empty when the study offers none (the page then shows its numbers)
     */
    public RunsMonitorViewModel(ObservableValue<? extends Study> study, Observable changed, TaskExecutor tasks,
                                Function<Study, Optional<RunMonitor>> monitors) {
        this(study, changed, tasks, monitors, Clock.systemUTC());
    }

    public RunsMonitorViewModel(ObservableValue<? extends Study> study, Observable changed, TaskExecutor tasks,
                                Function<Study, Optional<RunMonitor>> monitors, Clock clock) {
        this.study = study;
        this.tasks = tasks;
        this.monitors = monitors;
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        changed.addListener(o -> refresh());
        study.addListener(o -> {
            generation++;
            applying = true;
            selected.set(null);
            applying = false;
            showDetail(null, "", List.of(), 0);
            rows.clear();
            active.set(false);
            refresh();
        });
        selected.addListener((property, old, row) -> {
            if (!applying && (row == null || old == null || row.run().id() != old.run().id())) {
                show(row);
            }
        });
    }

    /** Reads the runs again, keeping the selected run (by id), and the selected run's log and curve. */
    public void refresh() {
        Optional<RunMonitor> monitor = monitor();
        if (monitor.isEmpty()) {
            applying = true;
            selected.set(null);
            applying = false;
            rows.clear();
            showDetail(null, "", List.of(), 0);
            active.set(false);
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        long gen = generation;
        Long keep = selectedId();
        tasks.submit("Reading the runs", progress -> {
            List<RunMonitor.Row> read = monitor.get().rows();
            Long id = keep != null && read.stream().anyMatch(row -> row.run().id() == keep) ? keep
                    : keep == null && !read.isEmpty() ? Long.valueOf(read.getFirst().run().id()) : null;
            return new Snapshot(read, id == null ? null : detail(monitor.get(), id));
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
        active.set(snapshot.rows().stream().anyMatch(row -> row.run().status().isActive()));
        Long id = snapshot.detail() == null ? null : snapshot.detail().runId();
        Long current = selectedId();
        if (current != null && !current.equals(id) && snapshot.rows().stream().anyMatch(row -> row.run().id() == current)) {
            // The selection moved while the runs were read: keep it, its own read is under way.
            select(current, snapshot.rows());
            return;
        }
        select(id, snapshot.rows());
        Detail detail = snapshot.detail();
        if (detail == null) {
            showDetail(null, "", List.of(), 0);
        } else {
            showDetail(detail.runId(), detail.log(), detail.series(), detail.points());
        }
        message.set("");
    }

    private void select(Long id, List<RunMonitor.Row> read) {
        applying = true;
        selected.set(id == null ? null : read.stream().filter(row -> row.run().id() == id).findFirst().orElse(null));
        applying = false;
    }

    private void show(RunMonitor.Row row) {
        showDetail(null, "", List.of(), 0);
        Optional<RunMonitor> monitor = monitor();
        if (row == null || monitor.isEmpty()) {
            return;
        }
        long id = row.run().id();
        tasks.submit("Reading run " + id, progress -> detail(monitor.get(), id), detail -> {
            if (id == (selectedId() == null ? -1 : selectedId())) {
                showDetail(id, detail.log(), detail.series(), detail.points());
            }
        }, failure -> message.set("Run " + id + " could not be read: " + failure.getMessage()));
    }

    private void showDetail(Long id, String text, List<MetricPoint> points, int size) {
        log.set(text);
        series.set(points);
        seriesSize.set(size);
        Optional<RunMonitor> monitor = id == null ? Optional.empty() : monitor();
        if (id != null && monitor.isPresent()) {
            metric.set(monitor.get().rewardMetric());
        }
    }

    private static Detail detail(RunMonitor monitor, long id) throws IOException {
        List<String> lines = monitor.logTail(id, LOG_LINES);
        List<MetricPoint> all = monitor.series(id, monitor.rewardMetric());
        return new Detail(id, String.join("\n", lines), RunCurve.decimate(all, MAX_POINTS), all.size());
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

    /** The last {@value #LOG_LINES} lines of the selected run's log, empty before it started. */
    public ReadOnlyStringProperty logProperty() {
        return log.getReadOnlyProperty();
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

    /** Whether any run is starting or running: the page reads the runs again every couple of seconds then. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
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

    private record Detail(long runId, String log, List<MetricPoint> series, int points) {}

    private record Snapshot(List<RunMonitor.Row> rows, Detail detail) {}
}
