package dev.groundwork.views.ideas;

import static dev.groundwork.views.common.StatusFormat.total;
import static dev.groundwork.views.common.StatusFormat.breakdown;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusPageViewModel;
import java.util.List;
import javafx.beans.value.ObservableValue;

/** The Ideas page until its tools land: what it is for and the study's real numbers for it. */
public final class IdeasViewModel {

    private final StatusPageViewModel page;

    public IdeasViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status) {
        page = new StatusPageViewModel("Ideas",
                "The inbox of research ideas: seed your own, ask the ideator for more, and approve or reject each one before it is implemented.",
                study, status, (s, st) -> facts(st));
    }

    public StatusPageViewModel page() {
        return page;
    }

    static List<Fact> facts(StudyStatus status) {
        return List.of(
                new Fact("Ideas", String.valueOf(total(status.ideas())), breakdown(status.ideas())),
                new Fact("Epoch", String.valueOf(status.epoch()), "the search's current generation"));
    }
}
