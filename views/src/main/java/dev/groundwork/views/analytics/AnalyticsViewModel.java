package dev.groundwork.views.analytics;

import static dev.groundwork.views.common.StatusFormat.SEPARATOR;
import static dev.groundwork.views.common.StatusFormat.decimal;
import static dev.groundwork.views.common.StatusFormat.usd;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.Fact;
import dev.groundwork.views.common.StatusPageViewModel;
import java.util.List;
import javafx.beans.value.ObservableValue;

/** The Analytics page until its tools land: what it is for and the study's real numbers for it. */
public final class AnalyticsViewModel {

    private final StatusPageViewModel page;

    public AnalyticsViewModel(ObservableValue<? extends Study> study, ObservableValue<StudyStatus> status) {
        page = new StatusPageViewModel("Analytics",
                "Reward per epoch, training curves overlaid, and the leaderboard of ideas.",
                study, status, (s, st) -> facts(st));
    }

    public StatusPageViewModel page() {
        return page;
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
}
