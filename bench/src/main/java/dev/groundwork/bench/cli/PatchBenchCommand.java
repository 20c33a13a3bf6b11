package dev.groundwork.bench.cli;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.bench.patch.PatchBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The patch engine on a 500-line, 10-file diff and on the commons-lang3 corpus, against `git apply`. */
@Command(name = "patch", mixinStandardHelpOptions = true,
        description = "Patch engine: apply time of a 500-line 10-file diff, and speed against `git apply` on a corpus.")
public final class PatchBenchCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "A folder of source releases to diff pairwise (default: the build's bench/target/patch-corpus).")
    Path corpus;

    private final CliPrinter printer;

    public PatchBenchCommand(CliPrinter printer) {
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = corpus != null ? corpus : Path.of(System.getProperty("groundwork.repo", "."), "bench/target/patch-corpus");
        if (!Files.isDirectory(dir)) {
            throw new UserError(ExitCodes.USAGE, "There is no corpus at " + dir + "; the source tree's build of the bench"
                    + " module unpacks three commons-lang3 source releases there, or pass --corpus with folders of two or"
                    + " more releases.");
        }
        List<Path> releases;
        try (Stream<Path> children = Files.list(dir)) {
            releases = children.filter(Files::isDirectory).sorted(BenchVersions.BY_VERSION).toList();
        }
        if (releases.size() < 2) {
            throw new UserError(ExitCodes.USAGE, dir + " holds " + releases.size() + " release folder(s); it needs two or more.");
        }
        printer.note("Patch engine on " + releases.stream().map(p -> p.getFileName().toString()).toList() + "…");
        printer.result(PatchBenchmark.run(releases).describe());
        return ExitCodes.OK;
    }
}
