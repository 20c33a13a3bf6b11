package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which command lines get the window's skeleton before the composition is built. */
class EarlyWindowTest {

    @Test
    void theCommandsThatOpenTheWindowGetTheSkeleton() {
        assertThat(EarlyWindow.opensWindow(List.of())).isTrue();
        assertThat(EarlyWindow.opensWindow(List.of("--debug"))).isTrue();
        assertThat(EarlyWindow.opensWindow(List.of("gui"))).isTrue();
        assertThat(EarlyWindow.opensWindow(List.of("gui", "/studies/charlm", "--debug"))).isTrue();
    }

    @Test
    void otherCommandsAndHelpDoNot() {
        assertThat(EarlyWindow.opensWindow(List.of("new", "/tmp/x"))).isFalse();
        assertThat(EarlyWindow.opensWindow(List.of("--version"))).isFalse();
        assertThat(EarlyWindow.opensWindow(List.of("gui", "--help"))).isFalse();
        assertThat(EarlyWindow.opensWindow(List.of("snapshot", "gui"))).isFalse();
    }

    @Test
    void withoutADisplayNothingStartsAndTheGuiCommandSaysWhy() {
        EarlyWindow early = EarlyWindow.open(List.of("gui"), Map.of("HOME", "/home/ada"), "Linux", null);
        assertThat(early.stage()).isEmpty();
        assertThat(early.failure()).isEmpty();
    }

    @Test
    void theBenchmarkProbeIsKeptForTheLauncherEvenWithoutASkeleton() {
        EarlyWindow early = EarlyWindow.open(List.of("new", "/tmp/x"), Map.of(FirstPaintProbe.VARIABLE, "/tmp/paint"), "Linux",
                null);
        assertThat(early.stage()).isEmpty();
        assertThat(early.probe()).isPresent();
        assertThat(EarlyWindow.none().probe()).isEmpty();
    }
}
