package dev.groundwork.runners.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.metrics.MetricParser;
import dev.groundwork.model.patch.engine.ApplyOptions;
import dev.groundwork.model.patch.engine.ApplyOutcome;
import dev.groundwork.model.patch.engine.BaseTree;
import dev.groundwork.model.patch.engine.FileEdit;
import dev.groundwork.model.patch.engine.PatchEngine;
import dev.groundwork.model.patch.engine.PathRules;
import dev.groundwork.model.spec.MetricsSpec;
import dev.groundwork.model.spec.SpecLoader;
import dev.groundwork.model.spec.StudySpec;
import dev.groundwork.runners.local.LocalProcessTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nanogpt template on a CPU: its baseline and every catalog idea, applied by the patch engine under the study's
 * path rules, run the spec's own smoke command (a few steps of the tiny preset on the offline text) through the local
 * target, and emit metric lines that the study's parser reads, with the protected evaluation untouched. Needs PyTorch
 * for python3, which ./run-tests installs when it can; without it these runs are skipped with a sentence.
 */
class NanoGptTemplateTest {

    private static final Path TEMPLATE = Path.of("../resources/environments/nanogpt").toAbsolutePath().normalize();
    private static final List<String> PROTECTED = List.of("evaluate.py", "prepare.py");
    /** Nats per byte a few steps can reach: below, the model saw held-out text; above, it diverged (docs/nanogpt.md). */
    private static final double BYTE_LOSS_LOW = 0.1;
    private static final double BYTE_LOSS_HIGH = 8.0;
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    /** One thread per process: two runs at once share the 2 cores of a CI machine without oversubscribing them. */
    private static final Map<String, String> ONE_THREAD = Map.of("OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1");

    @TempDir
    Path study;
    private StudySpec spec;
    private Catalog catalog;

    @BeforeAll
    static void pytorchIsInstalled() throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import torch").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        Assumptions.assumeTrue(probe.waitFor(2, TimeUnit.MINUTES) && probe.exitValue() == 0,
                "PyTorch is not installed for python3 (./run-tests tries `python3 -m pip install torch`), so the"
                        + " nanogpt template's CPU runs are skipped.");
    }

    @BeforeEach
    void loadTemplate() throws Exception {
        spec = SpecLoader.loadStudy(TEMPLATE);
        catalog = Catalog.load(TEMPLATE);
    }

    @Test
    void theBaselineAndEveryCatalogIdeaTrainOnTheCpuAndReportValidMetrics() throws Exception {
        assertThat(spec.run().smoke()).as("the spec's smoke command is the tiny preset on the CPU, offline")
                .contains("tiny", "local-text", "cpu");
        assertThat(catalog.entries()).as("the catalog's ideas").hasSizeGreaterThanOrEqualTo(10);
        PatchEngine engine = new PatchEngine(PathRules.of(spec.baseline()), ApplyOptions.DEFAULT);
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        runs.put("baseline", Map.of());
        for (Catalog.Entry idea : catalog.entries()) {
            ApplyOutcome outcome = engine.apply(idea.diff(), BaseTree.folder(baseline()));
            assertThat(outcome.applied()).as(idea.key() + ": " + outcome.report().summary()).isTrue();
            assertThat(outcome.changedFiles()).as(idea.key() + " changes only editable files")
                    .isNotEmpty().isSubsetOf("train.py", "model.py");
            runs.put(idea.key(), outcome.edits().stream().collect(Collectors.toMap(FileEdit::path, FileEdit::after)));
        }

        Map<String, Result> results = runAll(runs);

        results.forEach((name, result) -> {
            assertThat(result.exit().succeeded()).as(name + " exits 0; its output ends: " + result.exit().tail())
                    .isTrue();
            assertValidMetrics(name, result);
            PROTECTED.forEach(file -> assertThat(result.workspace().resolve(file))
                    .as(name + " leaves " + file + " as the template has it").hasSameBinaryContentAs(baseline().resolve(file)));
        });
    }

    @Test
    void theEvaluationRefusesAModelThatSeesLaterTokensAndALossThatIsNotANumber() throws Exception {
        String model = Files.readString(baseline().resolve("model.py"));
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        runs.put("sees later tokens", Map.of("model.py", replaced(model, "is_causal=True", "is_causal=False")));
        runs.put("diverges", Map.of("model.py", replaced(model, "logits = self.lm_head(x).float()",
                "logits = self.lm_head(x).float() * float(\"nan\")")));

        Map<String, Result> results = runAll(runs);

        assertThat(results.get("sees later tokens").exit().succeeded()).as("a model that attends to later tokens")
                .isFalse();
        assertThat(String.join("\n", results.get("sees later tokens").exit().tail())).contains("it sees future tokens");
        assertThat(results.get("diverges").exit().succeeded()).as("a model whose predictions are NaN").isFalse();
        assertThat(String.join("\n", results.get("diverges").exit().tail())).contains("a diverged run has no score");
        results.values().forEach(result -> assertThat(result.stdout()).as("no metric line without a score")
                .noneMatch(line -> line.startsWith("step:")));
    }

    private void assertValidMetrics(String name, Result result) {
        MetricParser regex = MetricParser.of(spec.metrics());
        MetricParser jsonl = MetricParser.of(new MetricsSpec(MetricsSpec.Parser.JSONL, Optional.empty()));
        Map<String, Double> last = new LinkedHashMap<>();
        Map<String, Double> lastJson = new LinkedHashMap<>();
        for (String line : result.stdout()) {
            regex.parse(line).forEach(value -> last.put(value.name(), value.value()));
            jsonl.parse(line).forEach(value -> lastJson.put(value.name(), value.value()));
            assertThat(line).as(name + " is scored above the byte-level floor").doesNotStartWith("evaluate:");
        }
        assertThat(last).as(name + ": the study's regex reads the metric line; output " + result.stdout())
                .containsKeys("val_loss", "total_steps", "train_time_ms", "tokens_per_s", "peak_mem_mb", "train_loss");
        assertThat(last.get("val_loss")).as(name + " val_loss").isBetween(BYTE_LOSS_LOW, BYTE_LOSS_HIGH);
        assertThat(last.get("tokens_per_s")).as(name + " tokens/s").isPositive();
        assertThat(last.get("peak_mem_mb")).as(name + " peak memory").isPositive();
        assertThat(lastJson).as(name + ": the JSON line carries the same numbers")
                .containsEntry("tokens_per_s", last.get("tokens_per_s"))
                .containsEntry("peak_mem_mb", last.get("peak_mem_mb"));
        assertThat(lastJson.get("val_loss")).as(name + ": the JSON line's val_loss (the regex line rounds it to 4 places)")
                .isCloseTo(last.get("val_loss"), within(5e-5));
    }

    /** Runs each workspace (the baseline with some files rewritten) with the spec's smoke command, two at a time. */
    private Map<String, Result> runAll(Map<String, Map<String, String>> runs) throws Exception {
        LocalProcessTarget target = LocalProcessTarget.cpu("local", 2);
        BlockingQueue<Slot> slots = new ArrayBlockingQueue<>(2, false, target.slots());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<Result>> started = new LinkedHashMap<>();
            long id = 0;
            for (Map.Entry<String, Map<String, String>> run : runs.entrySet()) {
                long runId = ++id;
                started.put(run.getKey(), pool.submit(() -> {
                    Slot slot = slots.take();
                    try {
                        return run(target, slot, runId, run.getValue());
                    } finally {
                        slots.put(slot);
                    }
                }));
            }
            Map<String, Result> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Result>> run : started.entrySet()) {
                results.put(run.getKey(), run.getValue().get(TIMEOUT.toSeconds() * runs.size(), TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result run(LocalProcessTarget target, Slot slot, long id, Map<String, String> files) throws Exception {
        Path runDir = study.resolve("runs").resolve(String.valueOf(id));
        Path workspace = copy(baseline(), runDir.resolve("workspace"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(workspace.resolve(file.getKey()), file.getValue());
        }
        Output output = new Output();
        target.start(new RunLaunch(id, workspace, spec.run().smoke(), ONE_THREAD, TIMEOUT, slot,
                runDir.resolve("log.txt")), output);
        RunExit exit = output.exit.get(TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        return new Result(workspace, output.stdout(), exit);
    }

    private static Path baseline() {
        return TEMPLATE.resolve("baseline");
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else if (!source.toString().contains("__pycache__")) {
                    Files.copy(source, destination);
                }
            }
        }
        return to;
    }

    private static String replaced(String text, String from, String to) {
        assertThat(text).as("the baseline still says " + from).contains(from);
        return text.replace(from, to);
    }

    private record Result(Path workspace, List<String> stdout, RunExit exit) {}

    /** A run's standard output lines and its exit. */
    private static final class Output implements RunListener {
        private final List<String> stdout = new ArrayList<>();
        private final CompletableFuture<RunExit> exit = new CompletableFuture<>();

        @Override
        public synchronized void onLine(String line, boolean stderr) {
            if (!stderr) {
                stdout.add(line);
            }
        }

        @Override
        public void onExit(RunExit exit) {
            this.exit.complete(exit);
        }

        synchronized List<String> stdout() {
            return List.copyOf(stdout);
        }
    }
}
