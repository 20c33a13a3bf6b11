package dev.groundwork.bench.cli;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.gui.WindowDesks;
import dev.groundwork.model.study.StudyException;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.views.common.BackgroundTaskExecutor;
import dev.groundwork.views.common.FxUiThread;
import dev.groundwork.views.common.Theme;
import dev.groundwork.views.shell.MainView;
import dev.groundwork.views.settings.SettingsPorts;
import dev.groundwork.views.shell.MainViewModel;
import dev.groundwork.views.shell.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The window's responsiveness while runs stream: the main window (headless platform, Runs page, a streaming run
 * selected) on a study whose runs print log lines and metric records at a high rate, with a pulse probe measuring how
 * long the FX thread keeps work waiting — first with the window idle for the same time (the baseline), then while the
 * loop runs them.
 */
@Command(name = "window", mixinStandardHelpOptions = true,
        description = "The window's FX thread while runs stream logs and metrics, or while the Analytics and Lineage"
                + " pages are used (--pages): longest delay of a 10 ms pulse probe, against the same window idle.")
public final class WindowBenchCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "4", description = "Runs streaming at once (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seconds", defaultValue = "20", description = "How long each run streams (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--lines-per-second", defaultValue = "1000",
            description = "Log lines per second per run, a metric record every 20 (default ${DEFAULT-VALUE}).")
    int linesPerSecond;

    @Option(names = "--pages", paramLabel = "DIR", description = "Instead of streaming runs: use the Analytics and"
            + " Lineage pages on this study (e.g. one `groundwork dev synth` made) and measure each step, against the"
            + " window idle for --seconds.")
    Path pages;

    private final StudyLibrary studies;
    private final WindowDesks desks;
    private final SettingsPorts settingsPorts;
    private final CliPrinter printer;
    private final List<String> frozen = new java.util.ArrayList<>();

    public WindowBenchCommand(StudyLibrary studies, WindowDesks desks, SettingsPorts settingsPorts, CliPrinter printer) {
        this.studies = studies;
        this.desks = desks;
        this.settingsPorts = settingsPorts;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        if (pages != null) {
            new PagesWorkout(studies, desks, settingsPorts, printer).run(pages, seconds);
            return ExitCodes.OK;
        }
        Path dir = Files.createTempDirectory("groundwork-bench-window");
        Path study = streamingStudy(dir);
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        AtomicReference<MainViewModel> window = new AtomicReference<>();
        AtomicReference<BackgroundTaskExecutor> executor = new AtomicReference<>();
        CompletableFuture<Void> opened = new CompletableFuture<>();
        Platform.startup(() -> {
            BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(new FxUiThread());
            MainViewModel vm = new MainViewModel(studies, tasks, Theme.LIGHT, desks, "bench", settingsPorts);
            Stage stage = new Stage();
            new MainView(vm).install(stage, 1280, 800);
            stage.show();
            vm.pageProperty().set(Page.RUNS);
            vm.statusProperty().addListener((o, old, status) -> opened.complete(null));
            vm.openStudy(study);
            window.set(vm);
            executor.set(tasks);
        });
        try {
            opened.get(60, TimeUnit.SECONDS);
            MainViewModel vm = window.get();
            sleep(3); // the pages' first reads and layout settle
            printer.note("Window open on " + study + "; measuring it idle for " + seconds + " s…");
            List<PulseProbe.Sample> idle = probe(() -> 0, () -> sleep(seconds));
            printer.note("Running the loop: a baseline run, then " + runs + " runs streaming " + linesPerSecond
                    + " lines/s each for " + seconds + " s…");
            StudyFolder folder = (StudyFolder) vm.studyProperty().get();
            Platform.runLater(() -> vm.loop().start());
            List<PulseProbe.Sample> streaming = probe(() -> folder.store().runs().active().size(), () -> {
                sleep(2);
                while (vm.loop().runningProperty().get()) {
                    sleep(0.2);
                }
            });
            report(idle, streaming.stream().filter(s -> s.streaming() >= runs).toList(), streaming);
 if (!frozen.isEmpty()) {
                printer.note("Where the FX thread was while probes waited over 50 ms: " + frozen);
            }
            printer.note("The loop said: " + vm.loop().messageProperty().get());
        } finally {
            Platform.runLater(() -> {
                if (window.get() != null) {
                    window.get().shutdown();
                    executor.get().close();
                }
            });
            Platform.exit();
        }
        printer.note("The study is kept in " + study + " for inspection.");
        return ExitCodes.OK;
    }

    private void report(List<PulseProbe.Sample> idle, List<PulseProbe.Sample> allStreaming, List<PulseProbe.Sample> whole) {
        double[] baseline = delays(idle);
        double[] busy = delays(allStreaming);
        double[] loop = delays(whole);
        printer.result(String.format(Locale.ROOT, "window     FX thread delay of a 10 ms probe (ms): %s", "median / p99 / max"));
        printer.result(line("idle window", baseline));
        printer.result(line(runs + " runs streaming", busy));
        printer.result(line("whole loop", loop));
        printer.note("longest delays during the loop: " + whole.stream()
                .sorted(java.util.Comparator.comparingDouble(PulseProbe.Sample::delayMillis).reversed()).limit(6)
                .map(s -> String.format(Locale.ROOT, "%.0f ms at %.1f s (%d running)", s.delayMillis(), s.atSeconds(), s.streaming()))
                .toList());
        printer.note("longest delays idle: " + idle.stream()
                .sorted(java.util.Comparator.comparingDouble(PulseProbe.Sample::delayMillis).reversed()).limit(4)
                .map(s -> String.format(Locale.ROOT, "%.0f ms at %.1f s", s.delayMillis(), s.atSeconds()))
                .toList());
        if (busy.length > 0) {
            printer.result(String.format(Locale.ROOT, "           longest freeze while %d runs stream: %.1f ms (target 50 ms), %.1f× the idle"
                    + " window's longest", runs, max(busy), max(busy) / Math.max(0.1, max(baseline))));
        } else {
            printer.result("           the " + runs + " runs never streamed at the same time; lower --runs or raise --seconds.");
        }
    }

    private static String line(String what, double[] delays) {
        if (delays.length == 0) {
            return String.format(Locale.ROOT, "           %-18s no samples", what);
        }
        return String.format(Locale.ROOT, "           %-18s %6.2f / %6.2f / %6.1f   (%d probes)", what,
                percentile(delays, 0.5), percentile(delays, 0.99), max(delays), delays.length);
    }

    private static double[] delays(List<PulseProbe.Sample> samples) {
        return samples.stream().mapToDouble(PulseProbe.Sample::delayMillis).sorted().toArray();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static double max(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    private List<PulseProbe.Sample> probe(java.util.function.IntSupplier streaming, Waiting during)
            throws Exception {
        try (PulseProbe probe = new PulseProbe(streaming)) {
            during.waitFor();
            sleep(0.1); // the last probes land
            if (!probe.frozenAt().isEmpty()) {
                frozen.addAll(probe.frozenAt());
            }
            return probe.samples();
        }
    }

    @FunctionalInterface
    private interface Waiting {
        void waitFor() throws Exception;
    }

    private static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }

    /** The minimal template with its run command replaced by the streaming script and every gate automatic. */
    private Path streamingStudy(Path dir) throws IOException, StudyException {
        Path script = dir.resolve("stream.py");
        try (InputStream in = getClass().getResourceAsStream("/bench/stream.py")) {
            Files.copy(in, script);
        }
        Path study = dir.resolve("stream");
        try (StudyFolder ignored = studies.create(study, "minimal")) {
            // created; the window opens it below
        }
        Path spec = study.resolve(StudyFolder.SPEC_FILE);
        String text = Files.readString(spec)
                .replace("command: [\"python3\", \"train.py\"]", "command: [\"python3\", \"-u\", \"" + script + "\", \""
                        + seconds + "\", \"" + linesPerSecond + "\"]")
                .replace("timeout: 2m", "timeout: 10m")
                .replaceAll("search: \\{[^}]*}", "search: { epochs: 1, ideas_per_epoch: " + runs
                        + ", exploit: annealed, top_k: 20, concurrency: " + runs + ", code_base: baseline }")
                .replaceAll("gates: \\{[^}]*}", "gates: { idea: auto, patch: auto, launch: auto }");
        Files.writeString(spec, text);
        return study;
    }
}
