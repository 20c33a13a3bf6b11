package dev.groundwork.bench.cli;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.loop.AgentChoice;
import dev.groundwork.app.loop.HostSelection;
import dev.groundwork.model.dispatch.StudyScheduler;
import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOptions;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.spec.SearchSpec;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Evolutionary search against best-of-N at an equal budget (the same number of ideas and runs), for several ideator
 * seeds, on a fresh study each time: the honest check that feedback helps.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Evolve vs best-of-n at equal budget on fresh studies, several seeds: the best reward of each.")
public final class SearchBenchCommand implements Callable<Integer> {

    @Option(names = "--template", defaultValue = "charlm", description = "Study template (default ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--seeds", defaultValue = "3", description = "Ideator seeds 0..N-1 (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs per search (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--ideas-per-epoch", defaultValue = "4", description = "Ideas per epoch (default ${DEFAULT-VALUE}).")
    int ideasPerEpoch;

    @Option(names = "--concurrency", defaultValue = "2", description = "Runs at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    private final StudyLibrary studies;
    private final LoopAssembly assembly;
    private final CliPrinter printer;

    public SearchBenchCommand(StudyLibrary studies, LoopAssembly assembly, CliPrinter printer) {
        this.studies = studies;
        this.assembly = assembly;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("groundwork-bench-search");
        List<String> rows = new ArrayList<>();
        double[] sums = new double[2];
        for (int seed = 0; seed < seeds; seed++) {
            double[] best = new double[2];
            for (SearchSpec.Mode mode : SearchSpec.Mode.values()) {
                long start = System.nanoTime();
                Path study = dir.resolve(mode.name().toLowerCase(Locale.ROOT) + "-seed" + seed);
                StudyStatus status;
                try (StudyFolder folder = studies.create(study, template);
                     StudyScheduler scheduler = assembly.scheduler(folder, concurrency, HostSelection.FROM_SPEC, note -> { })) {
                    LoopOutcome outcome = assembly.loop(folder, scheduler, LoopEvents.NONE, seed, AgentChoice.FROM_SPEC)
                            .run(new LoopOptions(epochs, ideasPerEpoch, concurrency, true, mode));
                    if (outcome.kind() != LoopOutcome.Kind.COMPLETED) {
                        printer.note("seed " + seed + " " + mode + ": " + outcome.message());
                    }
                    status = folder.status();
                }
                double reward = status.best() == null ? Double.NaN : status.best().reward();
                best[mode.ordinal()] = reward;
                sums[mode.ordinal()] += reward;
                printer.note(String.format(Locale.ROOT, "seed %d %-9s best %.4f (baseline %.4f) in %.0f s, %d runs: %s",
                        seed, mode.name().toLowerCase(Locale.ROOT), reward, status.baselineReward(),
                        (System.nanoTime() - start) / 1e9, status.runs().get("total"),
                        status.best() == null ? "—" : status.best().title()));
            }
            rows.add(String.format(Locale.ROOT, "%-6d %10.4f %10.4f", seed, best[0], best[1]));
        }
        printer.result(String.format(Locale.ROOT, "search     %s, %d epochs × %d ideas (equal budget), best reward (%s):",
                template, epochs, ideasPerEpoch, "lower is better for val_loss"));
        printer.result(String.format(Locale.ROOT, "%-6s %10s %10s", "seed", "evolve", "best-of-n"));
        rows.forEach(printer::result);
        printer.result(String.format(Locale.ROOT, "%-6s %10.4f %10.4f", "mean", sums[0] / seeds, sums[1] / seeds));
        printer.note("Studies kept in " + dir + " for inspection.");
        return ExitCodes.OK;
    }
}
