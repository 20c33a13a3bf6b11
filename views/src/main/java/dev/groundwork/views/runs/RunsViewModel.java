package dev.groundwork.views.runs;

import static dev.groundwork.views.common.StatusFormat.total;
import static dev.groundwork.views.common.StatusFormat.breakdown;
import static dev.groundwork.views.common.StatusFormat.hours;

import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusPageViewModel;
import dev.groundwork.views.common.TaskExecutor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/** The Runs page: its numbers (shown while the study has no runs), and the run monitor with each run's log and curve. */
public final class RunsViewModel {

    private final StatusPageViewModel page;
    private final RunsMonitorViewModel monitor;
    private final RunActionsViewModel actions;

    /**
     * @param monitors the run monitor of a study, empty when the study offers none (the page then shows its numbers only)
     */
    public RunsViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status, TaskExecutor tasks,
                         Function<Study, Optional<RunMonitor>> monitors) {
        this(study, status, tasks, monitors, s -> Optional.empty());
    }

    /** @param controls cancel, retry and the slot map of a study; empty when it offers none (the page only watches) */
    public RunsViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status, TaskExecutor tasks,
                         Function<Study, Optional<RunMonitor>> monitors, Function<Study, Optional<RunControl>> controls) {
        this(study, status, tasks, monitors, controls, new SimpleBooleanProperty());
    }

    /** @param loopRunning whether the window's loop runs (it starts runs the page must read on its own meanwhile) */
    public RunsViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status, TaskExecutor tasks,
                         Function<Study, Optional<RunMonitor>> monitors, Function<Study, Optional<RunControl>> controls,
                         ObservableValue<Boolean> loopRunning) {
        page = new StatusPageViewModel("Runs",
                "The run queue, the GPU slots of each host, and each run's live log and curve, with cancel and retry.",
                study, status, (s, st) -> facts(st));
        monitor = new RunsMonitorViewModel(study, status, tasks, monitors, controls, loopRunning, Clock.systemUTC());
        actions = new RunActionsViewModel(study, monitor, tasks);
    }

    public StatusPageViewModel page() {
        return page;
    }

    public RunsMonitorViewModel monitor() {
        return monitor;
    }

    public RunActionsViewModel actions() {
        return actions;
    }

    static List<Fact> facts(StudyStatus status) {
        return List.of(
                new Fact("Runs", String.valueOf(total(status.runs())), breakdown(status.runs())),
                new Fact("GPU hours", hours(status.gpuHours()), "used by this study's runs"));
    }
}
