package dev.groundwork.bench.cli;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.bench.runners.LocalRunnerBenchmark;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The local runner's overhead over a bare process, and a slot's idle gap between runs. */
@Command(name = "runner", mixinStandardHelpOptions = true,
        description = "Local runner: overhead of `python3 -c pass` through the runner vs bare, and the idle gap between runs.")
public final class RunnerBenchCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "30", description = "Runs of each kind, alternating (default ${DEFAULT-VALUE}).")
    int rounds;

    private final CliPrinter printer;

    public RunnerBenchCommand(CliPrinter printer) {
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        printer.note("Local runner: " + rounds + " rounds of `python3 -c pass`, bare and through the runner…");
        LocalRunnerBenchmark.Result result = LocalRunnerBenchmark.run(rounds);
        printer.result(String.format(Locale.ROOT, "runner     bare %.1f ms, through the runner %.1f ms (median of %d):"
                        + " overhead %.1f ms; idle gap between consecutive runs on a slot %.1f ms (median)",
                result.bareMillis(), result.runnerMillis(), result.rounds(), result.overheadMillis(), result.gapMillis()));
        return ExitCodes.OK;
    }
}
