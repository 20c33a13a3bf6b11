package dev.groundwork.app.gui;

import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the window can open here, said before JavaFX tries: on Linux and the other Unixes it needs an X11 or Wayland
 * display, and without one JavaFX only throws "Unable to open DISPLAY". macOS and Windows always have one; JavaFX's
 * headless platform (the tests) needs none.
 */
final class DisplayCheck {

    private final Map<String, String> env;
    private final String osName;
    private final String glassPlatform;

    /**
     * @param env           the environment the window would open in
     * @param osName        {@code os.name}
     * @param glassPlatform {@code glass.platform}, null when not set ("Headless" needs no display)
     */
    DisplayCheck(Map<String, String> env, String osName, String glassPlatform) {
        this.env = env;
        this.osName = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        this.glassPlatform = glassPlatform;
    }

    /** Throws the sentence to show when this machine has no display for the window. */
    void require(Optional<Path> study) {
        if (!available()) {
            throw new UserError(ExitCodes.FAILURE, "The window needs a display, and there is none here (DISPLAY is not"
                    + " set); " + instead(study));
        }
    }

    /** Whether the window has a display to open on (or needs none). */
    boolean available() {
        return !needsDisplay() || !blank("DISPLAY") || !blank("WAYLAND_DISPLAY");
    }

    /** The sentence for a display that is named but cannot be opened ({@code reason}: what JavaFX said). */
    UserError unusable(Optional<Path> study, RuntimeException reason) {
        String display = blank("DISPLAY") ? "WAYLAND_DISPLAY=" + env.get("WAYLAND_DISPLAY") : "DISPLAY=" + env.get("DISPLAY");
        return new UserError(ExitCodes.FAILURE, "The window needs a display, and " + display + " could not be opened ("
                + String.valueOf(reason.getMessage()).replaceAll("[.\\s]+$", "") + "); " + instead(study), reason);
    }

    private static String instead(Optional<Path> study) {
        String dir = study.map(Path::toString).orElse("DIR");
        return "run the loop in the terminal with `groundwork run " + dir + "`, or render a page to PNG with"
                + " `groundwork snapshot " + dir + " --page runs --out runs.png`.";
    }

    private boolean needsDisplay() {
        boolean headless = "headless".equalsIgnoreCase(glassPlatform) || "monocle".equalsIgnoreCase(glassPlatform);
        return !headless && !osName.startsWith("mac") && !osName.startsWith("windows");
    }

    private boolean blank(String name) {
        String value = env.get(name);
        return value == null || value.isBlank();
    }
}
