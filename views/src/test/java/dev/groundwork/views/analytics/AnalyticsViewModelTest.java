package dev.groundwork.views.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.analytics.Leaderboard;
import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.SameThreadTaskExecutor;
import dev.groundwork.views.fakes.HeldTasks;
import dev.groundwork.views.fakes.LineageStudy;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The Analytics page's view model without a toolkit. */
class AnalyticsViewModelTest {

    @Test
    void aListenerOnThePickedRunsOutlivesAGarbageCollection() {
        AnalyticsViewModel vm = new AnalyticsViewModel(new SimpleObjectProperty<Study>(), new SimpleObjectProperty<StudyStatus>(),
                new SameThreadTaskExecutor(), study -> Optional.empty());
        List<List<Long>> seen = new ArrayList<>();
        vm.picked().addListener((ListChangeListener<Long>) change -> seen.add(List.copyOf(change.getList())));
        // The view holds no reference to the list it listened to: only the view model keeps it alive.
        WeakReference<Object> collected = new WeakReference<>(new Object());
        for (int i = 0; i < 20 && collected.get() != null; i++) {
            System.gc();
        }
        assertThat(collected.get()).as("a collection ran").isNull();

        vm.pick(List.of(7L, 9L));

        assertThat(seen).as("the leaderboard hears which runs are picked").containsExactly(List.of(7L, 9L));
    }

    @Test
    void curvesReadForAnEarlierPickDoNotReplaceTheLaterOnesWhenTheyFinishLast(@TempDir Path temp) throws Exception {
        try (LineageStudy fixture = new LineageStudy(temp)) {
            HeldTasks tasks = new HeldTasks();
            AnalyticsViewModel vm = new AnalyticsViewModel(new SimpleObjectProperty<Study>(fixture.study),
                    new SimpleObjectProperty<StudyStatus>(), tasks, study -> Optional.of(new StudyAnalytics(fixture.study)));
            vm.refresh();
            tasks.runAll();
            assertThat(vm.curvesProperty().get()).as("the best three over the baseline").hasSize(4);
            List<Long> runs = vm.leaderboard().stream().map(Leaderboard.Row::runId).toList();

            vm.pick(runs.subList(0, 1));
            vm.pick(runs);
            tasks.runNewestFirst();

            assertThat(vm.curvesProperty().get()).as("the runs picked last, over the baseline").hasSize(4);
        }
    }
}
