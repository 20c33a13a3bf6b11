package dev.groundwork.model.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotsTest {

    @Test
    void cpuRunsGetConcurrencySlotsWithoutGpus() {
        assertThat(Slots.of("local", 0, List.of(0, 1), 3)).extracting(Slot::label)
                .containsExactly("local/cpu0", "local/cpu1", "local/cpu2");
    }

    @Test
    void gpuRunsGetTheirGpusInGroups() {
        assertThat(Slots.of("local", 2, List.of(0, 1, 2, 3), 8))
                .containsExactly(new Slot("local", 0, List.of(0, 1)), new Slot("local", 1, List.of(2, 3)));
        assertThat(Slots.gpus("local", List.of(4, 5, 6), 1)).extracting(Slot::gpuIds)
                .containsExactly(List.of(4), List.of(5), List.of(6));
    }

    @Test
    void gpusLeftOverByTheGroupingGetNoSlot() {
        assertThat(Slots.gpus("local", List.of(0, 1, 2, 3, 4), 2)).extracting(Slot::gpuIds)
                .containsExactly(List.of(0, 1), List.of(2, 3));
    }

    @Test
    void tooFewGpusIsASentenceAboutGpusPerRun() {
        assertThatThrownBy(() -> Slots.gpus("local", List.of(0), 2))
                .hasMessage("run.gpus_per_run is 2 but local has 1 GPU [0]; lower run.gpus_per_run in"
                        + " groundwork.yaml or run on a host with more GPUs.");
        assertThatThrownBy(() -> Slots.cpu("local", 0)).hasMessage("local has 0 run slots; give it at least 1.");
    }
}
