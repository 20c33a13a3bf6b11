package dev.groundwork.views.settings;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusPageViewModel;
import java.util.List;
import javafx.beans.value.ObservableValue;

/** The Settings page until its tools land: what it is for and the study's real numbers for it. */
public final class SettingsViewModel {

    private final StatusPageViewModel page;

    public SettingsViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status) {
        page = new StatusPageViewModel("Settings",
                "LLM providers, Docker hosts with a connection test, and budgets.",
                study, status, (s, st) -> facts(s, st));
    }

    public StatusPageViewModel page() {
        return page;
    }

    static List<Fact> facts(Study study, StudyStatus status) {
        return List.of(
                new Fact("Study", study.name(), ""),
                new Fact("Study folder", study.dir().toString(), ""),
                study.readOnly()
                        ? new Fact("Access", "Read-only", study.readOnlyReason().orElse(""))
                        : new Fact("Access", "Writable", "this window holds the study's lock"));
    }
}
