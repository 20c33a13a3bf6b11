package dev.groundwork.views.common;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import java.util.List;
import java.util.function.BiFunction;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A page's title, what the page is for, and the facts it states about the open study, kept current as the shell opens
 * studies and reads their status.
 */
public final class StatusPageViewModel {

    private final String title;
    private final String description;
    private final ReadOnlyListWrapper<Fact> facts = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    /** @param factsOf the facts for a study and its status, both present */
    public StatusPageViewModel(
            String title,
            String description,
            ObservableValue<? extends Study> study,
            ObservableValue<StudyStatus> status,
            BiFunction<Study, StudyStatus, List<Fact>> factsOf) {
        this.title = title;
        this.description = description;
        InvalidationListener update = o -> show(study.getValue(), status.getValue(), factsOf);
        study.addListener(update);
        status.addListener(update);
        show(study.getValue(), status.getValue(), factsOf);
    }

    private void show(Study study, StudyStatus status, BiFunction<Study, StudyStatus, List<Fact>> factsOf) {
        if (study == null || status == null) {
            facts.clear();
            notice.set(study == null ? "No study is open." : "Reading " + study.name() + "…");
        } else {
            facts.setAll(factsOf.apply(study, status));
            notice.set("");
        }
    }

    public String title() {
        return title;
    }

    /** One or two sentences on what the page holds. */
    public String description() {
        return description;
    }

    public ObservableList<Fact> facts() {
        return facts.getReadOnlyProperty();
    }

    /** Why there are no facts (no study, still reading); empty when there are. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
