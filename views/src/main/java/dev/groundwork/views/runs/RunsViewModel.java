package dev.groundwork.views.runs;

import static dev.groundwork.views.common.StatusFormat.total;
import static dev.groundwork.views.common.StatusFormat.breakdown;
import static dev.groundwork.views.common.StatusFormat.hours;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusPageViewModel;
import java.util.List;
import javafx.beans.value.ObservableValue;

/** The Runs page until its tools land: what it is for and the study's real numbers for it. */
public final class RunsViewModel {

    private final StatusPageViewModel page;

    public RunsViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status) {
        page = new StatusPageViewModel("Runs",
                "The run queue, the GPU slots of each host, and each run's live log and curve, with cancel and retry.",
                study, status, (s, st) -> facts(st));
    }

    public StatusPageViewModel page() {
        return page;
    }

    static List<Fact> facts(StudyStatus status) {
        return List.of(
                new Fact("Runs", String.valueOf(total(status.runs())), breakdown(status.runs())),
                new Fact("GPU hours", hours(status.gpuHours()), "used by this study's runs"));
    }
}
