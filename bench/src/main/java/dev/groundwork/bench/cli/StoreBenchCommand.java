package dev.groundwork.bench.cli;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.model.common.Folders;
import dev.groundwork.bench.store.IngestionBenchmark;
import dev.groundwork.bench.store.SyntheticStudy;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Two figures: metric ingestion through the store against raw JDBC batches (same schema, same run), and the wall time
 * of {@code groundwork status --json} as a fresh process on a large synthetic study.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Metric ingestion (store vs raw JDBC) and `status --json` latency on a large study.")
public final class StoreBenchCommand implements Callable<Integer> {

    @Option(names = "--points", defaultValue = "2000000", description = "Points per ingestion round (default ${DEFAULT-VALUE}).")
    long points;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of each way, alternating (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--ideas", defaultValue = "10000", description = "Ideas in the status study (default ${DEFAULT-VALUE}).")
    int ideas;

    @Option(names = "--runs", defaultValue = "20000", description = "Runs in the status study (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--metric-points", defaultValue = "10000000",
            description = "Metric points in the status study (default ${DEFAULT-VALUE}).")
    long metricPoints;

    @Option(names = "--work-dir", description = "Where to put the benchmark's files (default: a temp folder, removed after).")
    Path workDir;

    private final StudyLibrary studies;
    private final CliPrinter printer;

    public StoreBenchCommand(StudyLibrary studies, CliPrinter printer) {
        this.studies = studies;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = workDir != null ? workDir : Files.createTempDirectory("groundwork-bench");
        try {
            printer.note("Ingestion: " + rounds + " rounds × " + points + " points, store and raw JDBC alternating…");
            IngestionBenchmark ingestion = new IngestionBenchmark(dir.resolve("ingestion"));
            IngestionBenchmark.Result result = ingestion.measure(points, rounds);
            ingestion.cleanUp();
            printer.result(String.format(Locale.ROOT, "ingestion  store %,.0f points/s   raw JDBC %,.0f points/s   ratio %.2f×",
                    result.storeRate(), result.rawRate(), result.ratio()));

            printer.note("Status: building a study with " + ideas + " ideas, " + runs + " runs, " + metricPoints
                    + " metric points…");
            Path study = dir.resolve("status-study");
            Path empty = dir.resolve("empty-study");
            for (Path folder : List.of(study, empty)) {
                try (StudyFolder created = studies.create(folder, "minimal")) {
                    created.store().metrics().flush();
                }
            }
            SyntheticStudy.fill(study.resolve(StudyFolder.DATABASE_FILE), ideas, runs, metricPoints);
            Path archive = dir.resolve("status.jsa");
            double first = timeStatus(study, archive); // also writes the class-data archive, as the launcher's first run does
            timeStatus(empty, archive);
            // Alternating, so that both see the same machine: the empty study is the baseline of process start-up.
            double[] large = new double[5];
            double[] baseline = new double[5];
            for (int i = 0; i < large.length; i++) {
                baseline[i] = timeStatus(empty, archive);
                large[i] = timeStatus(study, archive);
            }
            Arrays.sort(large);
            Arrays.sort(baseline);
            printer.result(String.format(Locale.ROOT, "status     `groundwork status --json` as a new process: median %.3f s"
                    + " (min %.3f, max %.3f; first run after a build %.3f) on %,d ideas, %,d runs, %,d points",
                    large[2], large[0], large[4], first, ideas, runs, metricPoints));
            printer.result(String.format(Locale.ROOT, "status     on an empty study: median %.3f s (min %.3f, max %.3f);"
                    + " large / empty %.2f×", baseline[2], baseline[0], baseline[4], large[2] / baseline[2]));
            return ExitCodes.OK;
        } finally {
            if (workDir == null) {
                Folders.deleteTree(dir);
            }
        }
    }

    /** Runs this same Groundwork as a child process with the launcher's JVM flags, as a user's shell would, and times it. */
    private double timeStatus(Path study, Path archive) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:+AutoCreateSharedArchive");
        command.add("-XX:SharedArchiveFile=" + archive);
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.groundwork.app.Main");
        command.addAll(List.of("status", study.toString(), "--json"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("status failed: " + new String(output));
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
