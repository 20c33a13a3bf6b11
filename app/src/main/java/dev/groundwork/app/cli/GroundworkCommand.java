package dev.groundwork.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top command: {@code groundwork} with no subcommand opens the workbench on the demo study. */
@Command(name = "groundwork", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"A workbench for execution-grounded automated AI research: ideas become patches, patches become runs,",
            "runs become evidence that steers the next ideas.", "",
            "With no command, opens the workbench on the demo study."},
        footer = {"", "Exit codes: 0 success, 1 runtime failure, 2 usage or spec error.",
            "Docs: docs/cli.md, docs/spec.md in the repository."})
public final class GroundworkCommand implements Callable<Integer> {

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show the full stack trace when something fails.")
    boolean debug;

    private final GuiCommand gui;

    public GroundworkCommand(GuiCommand gui) {
        this.gui = gui;
    }

    public boolean debug() {
        return debug;
    }

    @Override
    public Integer call() throws Exception {
        return gui.call();
    }
}
