package dev.groundwork.runners.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.model.execution.Slot;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalSlotsTest {

    @Test
    void cpuRunsGetConcurrencySlotsWithoutGpus() {
        assertThat(LocalSlots.of("local", 0, List.of(0, 1), 3)).extracting(Slot::label)
                .containsExactly("local/cpu0", "local/cpu1", "local/cpu2");
    }

    @Test
    void gpuRunsGetTheirGpusInGroups() {
        assertThat(LocalSlots.of("local", 2, List.of(0, 1, 2, 3), 8))
                .containsExactly(new Slot("local", 0, List.of(0, 1)), new Slot("local", 1, List.of(2, 3)));
        assertThat(LocalSlots.gpus("local", List.of(4, 5, 6), 1)).extracting(Slot::gpuIds)
                .containsExactly(List.of(4), List.of(5), List.of(6));
    }

    @Test
    void gpusLeftOverByTheGroupingGetNoSlot() {
        assertThat(LocalSlots.gpus("local", List.of(0, 1, 2, 3, 4), 2)).extracting(Slot::gpuIds)
                .containsExactly(List.of(0, 1), List.of(2, 3));
    }

    @Test
    void tooFewGpusIsASentenceAboutGpusPerRun() {
        assertThatThrownBy(() -> LocalSlots.gpus("local", List.of(0), 2))
                .hasMessage("run.gpus_per_run is 2 but local has 1 GPU(s) [0]; lower run.gpus_per_run in"
                        + " groundwork.yaml or run on a host with more GPUs.");
        assertThatThrownBy(() -> LocalSlots.cpu("local", 0))
                .hasMessage("search.concurrency is 0; use a whole number of at least 1.");
    }
}
