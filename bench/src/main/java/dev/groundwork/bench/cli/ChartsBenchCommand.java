package dev.groundwork.bench.cli;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.analytics.LineageGraph;
import dev.groundwork.model.analytics.RewardPlot;
import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.analytics.StudyFacts;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.bench.charts.ChartsBenchmark;
import dev.groundwork.views.common.FxUiThread;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Analytics and Lineage pages' canvases: a 1M-point curve decimated and drawn (against drawn whole), and, on a study
 * (`groundwork dev synth` makes a large one), reading its facts and lineage, the tree's first and pan frames, and the
 * reward chart's SVG export.
 * Runs on JavaFX's headless platform.
 */
@Command(name = "charts", mixinStandardHelpOptions = true,
        description = "Analytics and Lineage canvases: a 1M-point curve decimated and drawn; a study's lineage read, laid"
                + " out and panned.")
public final class ChartsBenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "A study whose lineage to measure (e.g. one made by"
            + " `groundwork dev synth`); without it only the curve is measured.")
    Path dir;

    @Option(names = "--points", defaultValue = "1000000", description = "Points of the curve, 0 to measure only the lineage (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--frames", defaultValue = "20", description = "Frames measured of each kind (default ${DEFAULT-VALUE}).")
    int frames;

    private final StudyLibrary studies;
    private final CliPrinter printer;

    public ChartsBenchCommand(StudyLibrary studies, CliPrinter printer) {
        this.studies = studies;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        if (points == 1 || points < 0 || frames < 1) {
            throw new UserError(ExitCodes.USAGE, "--points must be 2 or more (0 to skip the curve) and --frames 1 or more.");
        }
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.join();
        try {
            ChartsBenchmark bench = new ChartsBenchmark(new FxUiThread());
            if (points > 0) {
                printer.note("Curve: " + frames + " frames after 3 to warm up…");
                printer.result(bench.curve(points, frames));
            }
            if (dir != null) {
                try (StudyFolder study = studies.open(dir)) {
                    StudyAnalytics analytics = new StudyAnalytics(study);
                    long start = System.nanoTime();
                    StudyFacts facts = analytics.facts();
                    long read = System.nanoTime();
                    LineageGraph graph = analytics.lineage(facts);
                    long built = System.nanoTime();
                    printer.result(String.format(Locale.ROOT, "Read %,d ideas and %,d runs in %.0f ms; lineage built in"
                                    + " %.0f ms (both on a worker thread).", facts.ideas().size(), facts.runs().size(),
                            (read - start) / 1e6, (built - read) / 1e6));
                    printer.result(bench.lineage(graph, frames));
                    RewardPlot plot = RewardPlot.of(facts);
                    if (!plot.lanes().isEmpty()) {
                        printer.result(bench.rewardExport(plot, Math.max(3, frames / 4)));
                    }
                }
            }
        } finally {
            Platform.exit();
        }
        return ExitCodes.OK;
    }
}
