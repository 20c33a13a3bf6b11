package dev.groundwork.app.cli;

import dev.groundwork.model.study.Studies;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a study folder from a bundled template: spec, baseline git repository, database.")
public final class NewCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The new study's folder (must not exist, or be empty); not needed with --list-templates.")
    Path dir;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = StudyLibrary.DEMO_TEMPLATE,
            description = "Template to start from (default: ${DEFAULT-VALUE}); --list-templates shows them.")
    String template;

    @Option(names = "--list-templates", description = "List the templates and exit.")
    boolean listTemplates;

    private final Studies studies;
    private final CliPrinter printer;

    public NewCommand(Studies studies, CliPrinter printer) {
        this.studies = studies;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        if (listTemplates) {
            for (TemplateInfo info : studies.templates()) {
                printer.result(String.format("%-10s %s", info.name(), info.description()));
            }
            return ExitCodes.OK;
        }
        if (dir == null) {
            throw new UserError(ExitCodes.USAGE, "`groundwork new` needs DIR, the new study's folder (see `groundwork new"
                    + " --help`).");
        }
        try (Study study = studies.create(dir, template)) {
            printer.result("Created study '" + study.name() + "' in " + study.dir() + " from the " + template + " template.");
            printer.note("Next: groundwork gui " + study.dir() + "   (or: groundwork status " + study.dir() + ")");
        }
        return ExitCodes.OK;
    }
}
