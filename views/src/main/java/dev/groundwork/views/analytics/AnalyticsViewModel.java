package dev.groundwork.views.analytics;

import static dev.groundwork.views.common.StatusFormat.SEPARATOR;
import static dev.groundwork.views.common.StatusFormat.decimal;
import static dev.groundwork.views.common.StatusFormat.usd;

import dev.groundwork.model.analytics.EpochHealth;
import dev.groundwork.model.analytics.Leaderboard;
import dev.groundwork.model.analytics.RewardPlot;
import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.analytics.StudyFacts;
import dev.groundwork.model.export.AnalyticsTables;
import dev.groundwork.model.export.ExportFiles;
import dev.groundwork.model.history.Bucket;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusPageViewModel;
import dev.groundwork.views.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Analytics page: reward per epoch, the leaderboard, health per epoch, and the training curves of the runs picked on
 * the leaderboard over the baseline's. Everything is read in one background read of the study's facts each time its
 * status is read again; the curves are read (thinned in the database) when the runs picked or the metric change.
 */
public final class AnalyticsViewModel {

    /** Buckets a curve is thinned to in the database: more than the widest chart has pixel columns. */
    static final int BUCKETS = 2000;
    /** How many of the best ideas' curves the page opens with. */
    static final int FIRST_PICKED = 3;

    private final ObservableValue<? extends Study> study;
    private final TaskExecutor tasks;
    private final Function<Study, Optional<StudyAnalytics>> analytics;
    private final StatusPageViewModel page;
    private final ReadOnlyObjectWrapper<RewardPlot> rewards = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Leaderboard.Row> leaderboard = FXCollections.observableArrayList();
    private final ObservableList<EpochHealth> health = FXCollections.observableArrayList();
    private final ObservableList<Long> picked = FXCollections.observableArrayList();
    /** One read-only view of {@link #picked}, kept: a view made per call listens weakly and is collected with its listeners. */
    private final ObservableList<Long> pickedView = FXCollections.unmodifiableObservableList(picked);
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final StringProperty metric = new SimpleStringProperty("");
    /** A second metric drawn with the first (train loss with val loss, say); "" for none. */
    private final StringProperty secondMetric = new SimpleStringProperty("");
    private final BooleanProperty wallTime = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<List<CurveData>> curves = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> available = new ReadOnlyObjectWrapper<>(false);
    private LongConsumer openIdea = id -> { };
    private Long baselineRun;
    private long generation;
    /** The last read of curves asked for: an earlier one that finishes after it is dropped. */
    private long curvesAsked;
    private boolean reading;
    private boolean readAgain;
    private boolean userPicked;

    public AnalyticsViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status,
                              TaskExecutor tasks, Function<Study, Optional<StudyAnalytics>> analytics) {
        this.study = study;
        this.tasks = tasks;
        this.analytics = analytics;
        page = new StatusPageViewModel("Analytics",
                "Reward per epoch, the leaderboard of ideas, the search's health, and training curves overlaid.",
                study, status, (s, st) -> facts(st));
        study.addListener(o -> {
            generation++;
            userPicked = false;
            picked.clear();
            leaderboard.clear();
            health.clear();
            metrics.clear();
            metric.set(""); // the next study picks its own reward metric
            secondMetric.set("");
            rewards.set(null);
            curves.set(List.of());
            baselineRun = null;
        });
        status.addListener(o -> refresh());
        picked.addListener((javafx.collections.ListChangeListener<Long>) change -> readCurves());
        metric.addListener(o -> readCurves());
        secondMetric.addListener(o -> readCurves());
    }

    /**
     * Runs {@code work} on the task executor, unlisted (the status bar would flash an entry per frame), and what it
     * returns on the UI thread: where the reward chart writes the marks of a large study into pixels, so that the UI
     * thread only puts the finished image on the canvas.
     */
    public void offThread(java.util.function.Supplier<Runnable> work) {
        try {
            tasks.compute(progress -> work.get(), Runnable::run,
                    failure -> message.set("The reward chart could not be drawn: " + failure.getMessage()));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The window is closing and its executor with it: nothing is left to draw on.
        }
    }

    /** The idea pages open an idea with (the shell shows it on the Lineage page). */
    public void setOpenIdea(LongConsumer openIdea) {
        this.openIdea = openIdea;
    }

    public void open(long ideaId) {
        openIdea.accept(ideaId);
    }

    /** Reads the study's facts again, in the background; a read asked for during one follows it. */
    public void refresh() {
        Study open = study.getValue();
        Optional<StudyAnalytics> source = open == null ? Optional.empty() : analytics.apply(open);
        available.set(source.isPresent());
        if (source.isEmpty()) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        long asked = generation;
        tasks.submit("Reading the analytics of " + open.name(), progress -> read(source.get()), read -> {
            reading = false;
            if (asked == generation) {
                apply(read);
            }
            if (readAgain) {
                readAgain = false;
                refresh();
            }
        }, failure -> {
            reading = false;
            message.set("The study's results could not be read: " + failure.getMessage());
        });
    }

    private record Read(RewardPlot rewards, List<Leaderboard.Row> leaderboard, List<EpochHealth> health, Long baselineRun,
                        List<String> metrics, String rewardMetric) {}

    private static Read read(StudyAnalytics source) {
        StudyFacts facts = source.facts();
        List<Leaderboard.Row> board = Leaderboard.of(facts);
        Long baseline = facts.baselineRun().map(run -> run.id()).orElse(null);
        List<Long> runs = new ArrayList<>();
        if (baseline != null) {
            runs.add(baseline);
        }
        board.stream().limit(FIRST_PICKED).forEach(row -> runs.add(row.runId()));
        return new Read(RewardPlot.of(facts), board, EpochHealth.of(facts), baseline, source.metricNames(runs),
                source.rewardMetric());
    }

    private void apply(Read read) {
        message.set("");
        baselineRun = read.baselineRun();
        rewards.set(read.rewards());
        leaderboard.setAll(read.leaderboard());
        health.setAll(read.health());
        List<String> names = new ArrayList<>(read.metrics());
        if (!names.contains(read.rewardMetric())) {
            names.addFirst(read.rewardMetric());
        }
        metrics.setAll(names);
        if (!names.contains(secondShown())) {
            secondMetric.set(""); // the study no longer has it; reads the curves
        }
        boolean metricChanged = metricShown().isEmpty();
        if (metricChanged) {
            metric.set(read.rewardMetric()); // reads the curves
        }
        if (!userPicked) {
            List<Long> best = read.leaderboard().stream().limit(FIRST_PICKED).map(Leaderboard.Row::runId).toList();
            if (!best.equals(picked)) {
                picked.setAll(best); // reads the curves
                return;
            }
        }
        if (!metricChanged) {
            readCurves();
        }
    }

    /** Shows the curves of these runs (the leaderboard's selection) over the baseline's. */
    public void pick(List<Long> runIds) {
        userPicked = true;
        if (!runIds.equals(picked)) {
            picked.setAll(runIds);
        }
    }

    private void readCurves() {
        Study open = study.getValue();
        Optional<StudyAnalytics> source = open == null ? Optional.empty() : analytics.apply(open);
        List<String> shownMetrics = metricsShown();
        if (source.isEmpty() || shownMetrics.isEmpty()) {
            curves.set(List.of());
            return;
        }
        List<Long> runs = new ArrayList<>();
        if (baselineRun != null) {
            runs.add(baselineRun);
        }
        picked.stream().filter(id -> !runs.contains(id)).forEach(runs::add);
        Map<Long, String> names = new java.util.HashMap<>();
        leaderboard.forEach(row -> names.put(row.runId(), row.label()));
        Long reference = baselineRun;
        long asked = generation;
        long ticket = ++curvesAsked;
        tasks.submit("Reading curves", progress -> {
            List<Map<Long, List<Bucket>>> read = new ArrayList<>();
            for (String name : shownMetrics) {
                read.add(source.get().series(runs, name, BUCKETS));
            }
            return read;
        }, series -> {
            // Reads run side by side on the task threads: one asked for the runs picked before (the baseline's alone
            // while the study's first read is applied) could finish after the one for the runs picked now.
            if (ticket != curvesAsked || asked != generation || !shownMetrics.equals(metricsShown())) {
                return;
            }
            List<CurveData> drawn = new ArrayList<>();
            for (long run : runs) { // each run's metrics together: a second metric's curve follows its first
                for (int m = 0; m < shownMetrics.size(); m++) {
                    List<Bucket> buckets = series.get(m).get(run);
                    boolean baseline = reference != null && run == reference;
                    if (buckets != null) {
                        drawn.add(CurveData.of(baseline ? "baseline" : names.getOrDefault(run, "run " + run), run,
                                shownMetrics.get(m), buckets, baseline, m > 0));
                    }
                }
            }
            curves.set(List.copyOf(drawn));
        }, failure -> message.set("The curves could not be read: " + failure.getMessage()));
    }

    /**
     * Where the page saves what it exports: the study's {@code exports} folder, named after the metrics shown
     * ({@code curves-val_loss}, {@code curves-val_loss-train_loss}); empty when no study is open or no curve is shown.
     */
    public Optional<java.nio.file.Path> curvesExport() {
        Study open = study.getValue();
        if (open == null || curves.get().isEmpty()) {
            return Optional.empty();
        }
        String metrics = String.join("-", metricsShown());
        return Optional.of(open.dir().resolve("exports").resolve("curves-" + metrics.replaceAll("[^A-Za-z0-9._-]", "_")));
    }

    /**
     * Writes the curves shown (as the database thinned them) to {@code base}.csv, one row per point: run, name, metric,
     * step, seconds, value, and the chart's {@code picture} to {@code base}.png (and .svg), on a worker; then says where they are.
     */
    public void exportCurves(java.nio.file.Path base, dev.groundwork.views.common.Picture picture) {
        List<CurveData> shown = curves.get();
        java.nio.file.Path csv = base.resolveSibling(base.getFileName() + ".csv");
        java.nio.file.Path dir = base.getParent().getParent(); // the study's folder, whichever is open when it is done
        tasks.submit("Exporting curves", progress -> {
            String pictures = picture.writeBeside(base, dir);
            java.nio.file.Path written = ExportFiles.write(csv, out -> {
                out.write("run,name,metric,step,seconds,value\n");
                for (CurveData curve : shown) {
                    for (int i = 0; i < curve.size(); i++) {
                        out.append(String.valueOf(curve.runId())).append(',').append(quoted(curve.name())).append(',')
                                .append(quoted(curve.metric())).append(',')
                                .append(String.valueOf(curve.steps()[i])).append(',')
                                .append(String.valueOf(curve.seconds()[i])).append(',')
                                .append(String.valueOf(curve.values()[i])).append('\n');
                    }
                }
            });
            return "Saved the curves to " + dir.relativize(written) + " and the chart to " + pictures + " in the study folder.";
        }, message::set, failure -> message.set("The curves could not be saved: " + failure.getMessage()));
    }

    /** A chart's or table's data the page exports as CSV, by the name of its files in the study's exports folder. */
    public enum Table {
        REWARDS("rewards", "the reward chart"), LEADERBOARD("leaderboard", "the leaderboard"), HEALTH("health", "the health per epoch");

        private final String fileName;
        private final String what;

        Table(String fileName, String what) {
            this.fileName = fileName;
            this.what = what;
        }
    }

    /**
     * Where an export of {@code table} goes ({@code base}.csv, and {@code base}.png for a chart):
     * the study's {@code exports} folder; empty when no study is open or the table has nothing in it.
     */
    public Optional<java.nio.file.Path> exportBase(Table table) {
        Study open = study.getValue();
        boolean empty = switch (table) {
            case REWARDS -> rewards.get() == null || rewards.get().lanes().isEmpty();
            case LEADERBOARD -> leaderboard.isEmpty();
            case HEALTH -> health.isEmpty();
        };
        return open == null || empty ? Optional.empty() : Optional.of(open.dir().resolve("exports").resolve(table.fileName));
    }

    /**
     * Writes {@code table}'s data as shown now to {@code base}.csv on a worker, every number whole, and the chart's
     * {@code picture} (null for a table) to {@code base}.png; then says where they went.
     */
    public void exportTable(Table table, java.nio.file.Path base, dev.groundwork.views.common.Picture picture) {
        java.nio.file.Path csv = base.resolveSibling(base.getFileName() + ".csv");
        java.nio.file.Path dir = base.getParent().getParent(); // the study's folder, whichever is open when it is done
        RewardPlot plot = rewards.get();
        List<Leaderboard.Row> board = List.copyOf(leaderboard);
        List<EpochHealth> epochs = List.copyOf(health);
        tasks.submit("Exporting " + table.what, progress -> {
            String pictures = picture == null ? null : picture.writeBeside(base, dir);
            java.nio.file.Path written = ExportFiles.write(csv, out -> {
                switch (table) {
                    case REWARDS -> AnalyticsTables.rewards(plot, out);
                    case LEADERBOARD -> AnalyticsTables.leaderboard(board, out);
                    case HEALTH -> AnalyticsTables.health(epochs, out);
                }
            });
            return "Saved " + table.what + " to " + dir.relativize(written)
                    + (pictures != null ? " and its chart to " + pictures : "") + " in the study folder.";
        }, message::set, failure -> message.set("Could not save " + table.what + ": " + failure.getMessage()));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    public StatusPageViewModel page() {
        return page;
    }

    /** Whether the open study offers its results (a real study does; the page shows its numbers only otherwise). */
    public ReadOnlyObjectProperty<Boolean> availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RewardPlot> rewardsProperty() {
        return rewards.getReadOnlyProperty();
    }

    public ObservableList<Leaderboard.Row> leaderboard() {
        return leaderboard;
    }

    public ObservableList<EpochHealth> health() {
        return health;
    }

    /** The runs whose curves are shown over the baseline's. */
    public ObservableList<Long> picked() {
        return pickedView;
    }

    public ObservableList<String> metrics() {
        return metrics;
    }

    /** The metric shown, or "" when none is; a combo box clearing its value on new items can set the property null. */
    private String metricShown() {
        return java.util.Objects.requireNonNullElse(metric.get(), "");
    }

    public StringProperty metricProperty() {
        return metric;
    }

    /** A second metric whose curves are drawn with the first's, dotted (train loss with val loss); "" for none. */
    public StringProperty secondMetricProperty() {
        return secondMetric;
    }

    private String secondShown() {
        return java.util.Objects.requireNonNullElse(secondMetric.get(), "");
    }

    /** The metric shown, then the second one when there is one and it is another; empty when none is shown. */
    private List<String> metricsShown() {
        String first = metricShown();
        String second = secondShown();
        if (first.isEmpty()) {
            return List.of();
        }
        return second.isEmpty() || second.equals(first) ? List.of(first) : List.of(first, second);
    }

    /** Curves against wall time (seconds) rather than step. */
    public BooleanProperty wallTimeProperty() {
        return wallTime;
    }

    /** The baseline's curve first when it has the metric, then the picked runs'. */
    public ReadOnlyObjectProperty<List<CurveData>> curvesProperty() {
        return curves.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    static List<Fact> facts(StudyStatus status) {
        StudyStatus.Best best = status.best();
        return List.of(
                status.baselineReward() == null
                        ? new Fact("Baseline reward", "—", "the baseline has not been scored yet")
                        : new Fact("Baseline reward", decimal(status.baselineReward()), "of the unmodified code"),
                best == null
                        ? new Fact("Best idea", "—", "no idea has been scored yet")
                        : new Fact("Best idea", decimal(best.reward()), "#" + best.idea() + " " + best.title() + SEPARATOR + "run\u00a0" + best.run()),
                new Fact("LLM spend", usd(status.llmUsd()), "on ideas and patches"));
    }

    /** A difference with its sign, "—" when unknown. */
    public static String signed(Double delta) {
        if (delta == null) {
            return "—";
        }
        return (delta > 0 ? "+" : delta < 0 ? "\u2212" : "±") + decimal(Math.abs(delta));
    }

    public static String optional(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.3g", value);
    }

    public static String failures(EpochHealth epoch) {
        if (epoch.failures().isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        epoch.failures().forEach((kind, count) -> text.append(text.isEmpty() ? "" : SEPARATOR).append(count)
                .append('\u00a0').append(kind));
        return text.toString();
    }
}
