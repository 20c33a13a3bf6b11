package dev.groundwork.bench.dev;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.bench.store.SyntheticSearch;
import dev.groundwork.model.study.Studies;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes a large study that looks like a real search, for benchmarks, tests and screenshots. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Create a study (from the charlm template) filled with a synthetic search: ideas bred from earlier"
                + " epochs' good ideas, rewards that improve, failed and repeated runs, LLM costs, decaying curves.")
public final class SynthCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The new study's folder (must not exist, or be empty).")
    Path dir;

    @Option(names = "--ideas", defaultValue = "10000", description = "Ideas (default ${DEFAULT-VALUE}).")
    int ideas;

    @Option(names = "--runs", defaultValue = "20000", description = "Runs, the baseline's included (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--points", defaultValue = "10000000", description = "Metric points in all (default ${DEFAULT-VALUE}).")
    long points;

    @Option(names = "--epochs", description = "Epochs (default: about √ideas / 2).")
    Integer epochs;

    private final Studies studies;
    private final CliPrinter printer;

    public SynthCommand(Studies studies, CliPrinter printer) {
        this.studies = studies;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        if (ideas < 1 || runs < 1 || points < 0 || (epochs != null && (epochs < 1 || epochs > ideas))) {
            throw new UserError(ExitCodes.USAGE, "--ideas and --runs must be at least 1, --points at least 0, and --epochs"
                    + " between 1 and the number of ideas.");
        }
        SyntheticSearch.Shape defaults = SyntheticSearch.Shape.of(ideas, runs, points);
        SyntheticSearch.Shape shape = new SyntheticSearch.Shape(ideas, runs, points,
                epochs != null ? epochs : defaults.epochs(), defaults.baseline(), defaults.seed());
        try (Study study = studies.create(dir, StudyLibrary.DEMO_TEMPLATE)) {
            if (study instanceof StudyFolder folder) {
                folder.store().metrics().flush();
            }
        }
        Path database = dir.resolve(StudyFolder.DATABASE_FILE);
        if (!Files.isRegularFile(database)) {
            throw new UserError(ExitCodes.FAILURE, "The new study has no database at " + database + ".");
        }
        printer.note(String.format(Locale.ROOT, "Filling %s with %,d ideas over %d epochs, %,d runs, %,d points…", dir,
                ideas, shape.epochs(), runs, points));
        long start = System.nanoTime();
        SyntheticSearch.Written written = SyntheticSearch.fill(database, shape);
        printer.result(String.format(Locale.ROOT, "Created a synthetic study in %s: %,d ideas over %d epochs, %,d runs,"
                        + " %,d metric points (%.1f s).", dir.toAbsolutePath(), written.ideas(), written.epochs(),
                written.runs(), written.points(), (System.nanoTime() - start) / 1e9));
        return ExitCodes.OK;
    }
}
