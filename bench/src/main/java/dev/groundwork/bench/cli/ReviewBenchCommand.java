package dev.groundwork.bench.cli;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.bench.review.DiffOpenBenchmark;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Opening a file's review: a 5,000-line diff's rows, view, layout and first paint against a 500-line diff and the rows
 * alone in the same run, and a 10,000-line diff opened, scrolled and typed into. Runs on JavaFX's headless platform.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review page: opening a 5,000-line diff side by side (vs a 500-line one and the rows alone), and a"
                + " 10,000-line one scrolled and edited.")
public final class ReviewBenchCommand implements Callable<Integer> {

    @Option(names = "--openings", defaultValue = "30",
            description = "Openings of each kind, alternating, after as many to warm up (default ${DEFAULT-VALUE}).")
    int openings;

    private final CliPrinter printer;

    public ReviewBenchCommand(CliPrinter printer) {
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        if (openings < 1) {
            throw new UserError(ExitCodes.USAGE, "--openings must be 1 or more; 30 gives steady medians.");
        }
        // No display is needed: the toolkit renders to images on the headless platform, as `snapshot` does.
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.join();
        try {
            printer.note("Review: " + openings + " openings of each kind after " + openings + " to warm up, alternating…");
            printer.result(DiffOpenBenchmark.run(new FxUiThread(), openings).describe());
        } finally {
            Platform.exit();
        }
        return ExitCodes.OK;
    }
}
