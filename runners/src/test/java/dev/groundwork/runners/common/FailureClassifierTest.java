package dev.groundwork.runners.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.run.FailureClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void aCleanExitIsASuccess() {
        assertThat(FailureClassifier.classify(0, null, List.of("MemoryError mentioned in passing"))).isNull();
    }

    @Test
    void aStopByGroundworkWinsOverTheStatusItCaused() {
        assertThat(FailureClassifier.classify(137, FailureClass.TIMEOUT, List.of())).isEqualTo(FailureClass.TIMEOUT);
        assertThat(FailureClassifier.classify(143, FailureClass.CANCELLED, List.of()))
                .isEqualTo(FailureClass.CANCELLED);
    }

    @Test
    void outOfMemoryIsAnOutsideKillOrAMemoryErrorInTheTail() {
        assertThat(FailureClassifier.classify(137, null, List.of())).isEqualTo(FailureClass.OOM);
        assertThat(FailureClassifier.classify(1, null, List.of("Traceback (most recent call last):", "MemoryError")))
                .isEqualTo(FailureClass.OOM);
        assertThat(FailureClassifier.classify(1, null, List.of("torch.OutOfMemoryError: CUDA out of memory.")))
                .isEqualTo(FailureClass.OOM);
        assertThat(FailureClassifier.classify(137, null, List.of("run.sh: line 3: 812 Killed python3 train.py")))
                .isEqualTo(FailureClass.OOM);
    }

    @Test
    void anyOtherFailureIsTheCodes() {
        assertThat(FailureClassifier.classify(1, null, List.of("ValueError: killed the loss")))
                .isEqualTo(FailureClass.CODE);
        assertThat(FailureClassifier.classify(143, null, List.of())).isEqualTo(FailureClass.CODE);
    }

    @Test
    void aContainerIsOutOfMemoryWhenItsDaemonSaysSoNotForAnyKill() {
        assertThat(FailureClassifier.classifyContainer(137, true, null, List.of())).isEqualTo(FailureClass.OOM);
        assertThat(FailureClassifier.classifyContainer(137, false, null, List.of())).isEqualTo(FailureClass.CODE);
        assertThat(FailureClassifier.classifyContainer(137, true, FailureClass.TIMEOUT, List.of()))
                .isEqualTo(FailureClass.TIMEOUT);
        assertThat(FailureClassifier.classifyContainer(0, true, null, List.of())).isNull();
    }
}
