package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the window says it has no display, before JavaFX fails with "Unable to open DISPLAY". */
class DisplayCheckTest {

    private static final Optional<Path> STUDY = Optional.of(Path.of("/studies/charlm"));

    @Test
    void linuxWithoutADisplayIsToldWhatToDoInTheTerminal() {
        UserError error = catchThrowableOfType(UserError.class,
                () -> new DisplayCheck(Map.of("HOME", "/home/ada"), "Linux", null).require(STUDY));

        assertThat(error.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(error.getMessage()).isEqualTo("The window needs a display, and there is none here (DISPLAY is not"
                + " set); run the loop in the terminal with `groundwork run /studies/charlm`, or render a page to PNG"
                + " with `groundwork snapshot /studies/charlm --page runs --out runs.png`.");
    }

    @Test
    void withoutAStudyTheCommandsNameDir() {
        UserError error = catchThrowableOfType(UserError.class,
                () -> new DisplayCheck(Map.of("DISPLAY", " "), "Linux", null).require(Optional.empty()));

        assertThat(error.getMessage()).contains("`groundwork run DIR`", "`groundwork snapshot DIR --page runs");
    }

    @Test
    void anX11OrWaylandDisplayTheHeadlessPlatformMacAndWindowsNeedNoCheck() {
        assertThatCode(() -> new DisplayCheck(Map.of("DISPLAY", ":0"), "Linux", null).require(STUDY))
                .doesNotThrowAnyException();
        assertThatCode(() -> new DisplayCheck(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null).require(STUDY))
                .doesNotThrowAnyException();
        assertThatCode(() -> new DisplayCheck(Map.of(), "Linux", "Headless").require(STUDY)).doesNotThrowAnyException();
        assertThatCode(() -> new DisplayCheck(Map.of(), "Mac OS X", null).require(STUDY)).doesNotThrowAnyException();
        assertThatCode(() -> new DisplayCheck(Map.of(), "Windows 11", null).require(STUDY)).doesNotThrowAnyException();
    }

    @Test
    void aDisplayThatCannotBeOpenedIsNamed() {
        UserError error = new DisplayCheck(Map.of("DISPLAY", ":42"), "Linux", null)
                .unusable(STUDY, new UnsupportedOperationException("Unable to open DISPLAY"));

        assertThat(error.getMessage()).startsWith("The window needs a display, and DISPLAY=:42 could not be opened"
                + " (Unable to open DISPLAY); run the loop in the terminal with `groundwork run /studies/charlm`");
    }
}
