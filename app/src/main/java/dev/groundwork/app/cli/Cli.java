package dev.groundwork.app.cli;

import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.study.InvalidSpecException;
import dev.groundwork.model.study.NotAStudyException;
import dev.groundwork.model.study.StudyException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Parses the command line and runs the chosen command. Every failure becomes one sentence on standard error and an exit
 * code (2 usage or spec error, 1 runtime failure); {@code --debug} adds the stack trace, the log file always has it.
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private final GroundworkCommand top;
    private final Map<String, Object> subcommands;
    private final CliPrinter printer;
    private final Path logFile;

    /** @param subcommands command objects, or {@link CommandLine}s for commands with subcommands of their own */
    public Cli(GroundworkCommand top, Map<String, Object> subcommands, CliPrinter printer, Path logFile) {
        this.top = top;
        this.subcommands = subcommands;
        this.printer = printer;
        this.logFile = logFile;
    }

    public int run(String... args) {
        CommandLine commandLine = new CommandLine(top);
        subcommands.forEach(commandLine::addSubcommand);
        commandLine.setOut(printer.out());
        commandLine.setErr(printer.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(this::usageError);
        commandLine.setExecutionExceptionHandler((exception, command, parsed) -> failure(exception));
        return commandLine.execute(args);
    }

    private int usageError(CommandLine.ParameterException e, String[] args) {
        printer.error(UsageErrors.sentence(e));
        return ExitCodes.USAGE;
    }

    private int failure(Exception exception) {
        int code = switch (exception) {
            case UserError user -> user.exitCode();
            case Refusal refusal -> refusal.kind() == Refusal.Kind.NOT_ALLOWED ? ExitCodes.USAGE : ExitCodes.FAILURE;
            case InvalidSpecException spec -> ExitCodes.USAGE;
            case NotAStudyException notAStudy -> ExitCodes.USAGE;
            case StudyException study -> ExitCodes.FAILURE;
            default -> ExitCodes.FAILURE;
        };
        boolean expected = exception instanceof UserError || exception instanceof StudyException
                || exception instanceof Refusal;
        if (expected) {
            // A spec error lists one problem per line; each is already a sentence.
            exception.getMessage().lines().forEach(printer::error);
            if (exception instanceof NotAStudyException notAStudy) {
                notAStudy.folder().ifPresent(folder -> printer.note("Create one with `groundwork new " + folder + "`."));
            }
            LOG.info("Command failed: {}", exception.getMessage());
        } else {
            printer.error("Something went wrong that Groundwork did not expect: " + describe(exception)
                    + ". Details are in " + logFile + "; rerun with --debug to see them here.");
            LOG.error("Unexpected failure", exception);
        }
        if (top.debug()) {
            exception.printStackTrace(new PrintWriter(printer.err(), true));
        }
        return code;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.replaceAll("[.\\s]+$", ""));
    }
}
