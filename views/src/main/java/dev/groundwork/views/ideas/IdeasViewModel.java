package dev.groundwork.views.ideas;

import static dev.groundwork.views.common.StatusFormat.total;
import static dev.groundwork.views.common.StatusFormat.breakdown;

import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusPageViewModel;
import dev.groundwork.views.common.TaskExecutor;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;

/** The Ideas page: its numbers (shown while the study has no ideas), and the inbox of ideas with the idea gate. */
public final class IdeasViewModel {

    private final StatusPageViewModel page;
    private final IdeasInboxViewModel inbox;

    /**
     * @param inboxes the idea inbox of a study, empty when the study offers none (the page then shows its numbers only)
     */
    public IdeasViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status, TaskExecutor tasks,
                          Function<Study, Optional<IdeaInbox>> inboxes) {
        page = new StatusPageViewModel("Ideas",
                "The inbox of research ideas: seed your own, ask the ideator for more, and approve or reject each one before it is implemented.",
                study, status, (s, st) -> facts(st));
        inbox = new IdeasInboxViewModel(study, status, tasks, inboxes);
    }

    public StatusPageViewModel page() {
        return page;
    }

    public IdeasInboxViewModel inbox() {
        return inbox;
    }

    static List<Fact> facts(StudyStatus status) {
        return List.of(
                new Fact("Ideas", String.valueOf(total(status.ideas())), breakdown(status.ideas())),
                new Fact("Epoch", String.valueOf(status.epoch()), "the search's current generation"));
    }
}
