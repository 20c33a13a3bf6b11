package dev.groundwork.views.lineage;

import static dev.groundwork.views.common.StatusFormat.total;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusPageViewModel;
import java.util.List;
import javafx.beans.value.ObservableValue;

/** The Lineage page until its tools land: what it is for and the study's real numbers for it. */
public final class LineageViewModel {

    private final StatusPageViewModel page;

    public LineageViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status) {
        page = new StatusPageViewModel("Lineage",
                "The family tree of ideas, layered by epoch and coloured by reward; pick a node to diff it against its parent.",
                study, status, (s, st) -> facts(st));
    }

    public StatusPageViewModel page() {
        return page;
    }

    static List<Fact> facts(StudyStatus status) {
        return List.of(
                new Fact("Ideas", String.valueOf(total(status.ideas())), "each a node of the tree"),
                new Fact("Epoch", String.valueOf(status.epoch()), "the tree's newest layer"));
    }
}
