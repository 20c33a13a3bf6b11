package dev.groundwork.views.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import dev.groundwork.views.common.SameThreadTaskExecutor;
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
}
