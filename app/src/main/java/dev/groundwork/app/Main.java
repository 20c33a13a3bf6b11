package dev.groundwork.app;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.VersionProvider;
import dev.groundwork.app.gui.EarlyWindow;
import dev.groundwork.app.gui.RendererDefaults;
import dev.groundwork.model.settings.AppDirs;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The plain main class the launcher runs from the classpath (JavaFX is started by the gui command, not here). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, Composition.Extension.NONE));
    }

    /** Runs the command line as {@link #main} does, with {@code extension}'s commands beside the product's; the exit code. */
    public static int run(String[] args, Composition.Extension extension) {
        if (asksOnlyTheVersion(args)) {
            // Scripts ask this often: the answer needs no settings, logging or composition root (~3 s of CPU on 2 cores).
            CliPrinter printer = CliPrinter.system();
            for (String line : new VersionProvider().getVersion()) {
                printer.result(line);
            }
            return 0;
        }
        AppDirs dirs = AppDirs.forUser(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
        System.setProperty("groundwork.logDir", dirs.logDir().toString()); // read by logback.xml, before the first logger
        // JavaFX and JGit log through java.util.logging; send that to our log file instead of the terminal.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        RendererDefaults.apply(System.getProperties()); // before anything starts JavaFX
        // The window's skeleton first, when the command opens it: on screen while everything below is built.
        EarlyWindow early = EarlyWindow.open(List.of(args), System.getenv(), System.getProperty("os.name"),
                System.getProperty("glass.platform"));
        int code;
        try (Composition composition = new Composition(dirs, CliPrinter.system(), System.getenv(), early)) {
            code = composition.cli(extension).run(args);
        }
        return code;
    }

    /** Whether the command line is {@code --version} (or {@code -V}) and nothing else. */
    static boolean asksOnlyTheVersion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }
}
