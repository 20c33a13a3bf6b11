package dev.groundwork.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the workbench window on a study (the demo study when DIR is left out).")
public final class GuiCommand implements Callable<Integer> {

    /** Opens the window and returns when it is closed. */
    @FunctionalInterface
    public interface Launcher {
        int launch(Optional<Path> study) throws Exception;
    }

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The study folder; left out: the demo study.")
    Path dir;

    private final Launcher launcher;

    public GuiCommand(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        return launcher.launch(Optional.ofNullable(dir));
    }
}
