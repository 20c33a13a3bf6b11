package dev.groundwork.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.app.loop.AgentChoice;
import dev.groundwork.app.loop.HostSelection;
import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.app.loop.TestAssemblies;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOptions;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.search.SearchLoop;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.views.runs.RunControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancel, retry and run again on real runs of a real minimal study: local processes, checkouts, metric streams. Its
 * runs train, then wait while the file {@code hold} exists in the study folder, so a test can act on them mid-run.
 */
class WindowRunControlTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private CliRunner cli;
    private Path dir;
    private SettingsStore settings;
    private StudyFolder study;
    private LoopAssembly loops;
    private WindowRunControl control;
    private RunControl runs;

    @BeforeEach
    void studyWithOneEpochRun() throws Exception {
        cli = new CliRunner(temp.resolve("home"));
        dir = temp.resolve("study");
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        Path spec = dir.resolve("groundwork.yaml");
        Files.writeString(spec, Files.readString(spec).replace("command: [\"python3\", \"train.py\"]",
                "command: [\"sh\", \"-c\", \"python3 train.py && echo trained && while [ -f ../../../hold ]; do sleep 0.1;"
                        + " done\"]"));
        CliRunner.Outcome first = cli.run("run", dir.toString(), "--epochs", "1", "--ideas-per-epoch", "2",
                "--auto-approve");
        assertThat(first.exitCode()).as(first.err()).isZero();

        settings = new SettingsStore(temp.resolve("settings.json"));
        study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, cli.dirs(), Clock.systemUTC())
                .open(dir);
        loops = TestAssemblies.local(temp);
        control = new WindowRunControl(study, (folder, notes) -> loops.scheduler(folder,
                folder.spec().search().concurrency(), HostSelection.FROM_SPEC, notes));
        runs = control.control();
    }

    @AfterEach
    void close() throws Exception {
        Files.deleteIfExists(dir.resolve("hold"));
        control.close();
        study.close();
        settings.close();
    }

    @Test
    void thePagesRepeatsRunOnTheStudysSlotsCancelAndShareThemWithTheLoop() throws Exception {
        Run original = succeededIdeaRun();
        double reward = original.reward();
        Run waiting = study.store().runs().queue(new NewRun(original.patchId(), original.ideaId(), 0,
                Reproducibility.none()));
        assertThat(runs.cancel(waiting.id())).as("queued: cancelled at once")
                .isEqualTo("Run " + waiting.id() + " is cancelled; it will not run.");
        assertThat(study.store().runs().get(waiting.id()).failureClass()).isEqualTo(FailureClass.CANCELLED);
        Files.createFile(dir.resolve("hold"));

        Run first = runs.runAgain(original.id());
        Run second = runs.runAgain(original.id());
        Run third = runs.runAgain(original.id());
        waitFor("two repeats train and hold", () -> holding(first) && holding(second));
        assertThat(runs.hosts()).singleElement().satisfies(host -> {
            assertThat(host.name()).isEqualTo("local");
            assertThat(host.slots()).extracting(RunControl.HostSlot::runId)
                    .containsExactlyInAnyOrder(first.id(), second.id());
        });
        assertThat(status(third)).as("two slots: the third waits").isEqualTo(RunStatus.QUEUED);

        assertThat(runs.cancel(third.id())).isEqualTo("Run " + third.id() + " is cancelled; it will not run.");
        Run skipped = study.store().runs().get(third.id());
        assertThat(skipped.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(skipped.failureClass()).isEqualTo(FailureClass.CANCELLED);
        assertThat(skipped.startedAt()).isNull();

        LoopOutcome shared = control.run(loop(), new LoopOptions(1, 2, 2, true, study.spec().search().mode()),
                LoopEvents.NONE);
        assertThat(shared.kind()).as("one scheduler: the loop is not kept out by the page's runs")
                .isEqualTo(LoopOutcome.Kind.COMPLETED);
        assertThat(status(first)).as("and its start took nothing from them").isEqualTo(RunStatus.RUNNING);

        long pid = Long.parseLong(study.store().runs().get(first.id()).handle());
        assertThat(runs.cancel(first.id())).isEqualTo("Run " + first.id() + " is being stopped; it is recorded as cancelled.");
        waitFor("the cancelled run ends", () -> study.store().runs().get(first.id()).status().isFinal());
        Run cancelled = study.store().runs().get(first.id());
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.failureClass()).as("a person's cancel, not an interruption").isEqualTo(FailureClass.CANCELLED);
        waitFor("its process is gone", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThatThrownBy(() -> runs.cancel(first.id())).hasMessage("Run " + first.id() + " has already ended (cancelled).");

        Files.delete(dir.resolve("hold"));
        waitFor("the other repeat ends", () -> study.store().runs().get(second.id()).status().isFinal());
        Run repeat = study.store().runs().get(second.id());
        assertThat(repeat.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(repeat.reward()).isEqualTo(reward);
        assertThat(new RunMonitor(study).rows()).filteredOn(row -> row.run().id() == second.id()).singleElement()
                .satisfies(row -> assertThat(row.repeatOf()).isEqualTo(original.id()));
        assertThat(study.store().runs().forPatch(original.patchId())).hasSize(5);
        waitFor("the slots are free", () -> runs.hosts().getFirst().busy() == 0);

        LoopOutcome resumed = control.run(loop(), new LoopOptions(1, 2, 2, true, study.spec().search().mode()),
                LoopEvents.NONE);
        assertThat(resumed.kind()).as(resumed.message()).isEqualTo(LoopOutcome.Kind.COMPLETED);
        assertThat(study.store().runs().forPatch(original.patchId())).as("the loop reruns no cancelled run").hasSize(5);
    }

    @Test
    void whileTheLoopRunsACancelStopsItsRunForGoodAndARetryRunsOnTheLoopsSlots() throws Exception {
        Files.createFile(dir.resolve("hold"));
        int before = study.store().runs().all().size();
        SearchLoop loop = loop();
        CompletableFuture<LoopOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return control.run(loop, new LoopOptions(2, 2, 2, true, study.spec().search().mode()),
                        LoopEvents.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitFor("an epoch-1 run trains and holds", () -> study.store().runs().inEpoch(1).stream().anyMatch(this::holding));
        Run target = study.store().runs().inEpoch(1).stream().filter(this::holding).findFirst().orElseThrow();
        assertThat(runs.hosts().getFirst().slots()).extracting(RunControl.HostSlot::runId).contains(target.id());

        runs.cancel(target.id());
        waitFor("the cancelled run ends", () -> study.store().runs().get(target.id()).status().isFinal());
        Run cancelled = study.store().runs().get(target.id());
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.failureClass()).isEqualTo(FailureClass.CANCELLED);

        Run retry = runs.retry(target.id());
        waitFor("the retry runs on the loop's slot", () -> holding(retry));
        assertThat(runs.hosts().getFirst().slots()).extracting(RunControl.HostSlot::runId).contains(retry.id());
        Files.delete(dir.resolve("hold"));

        LoopOutcome done = outcome.get();
        assertThat(done.kind()).as(done.message()).isEqualTo(LoopOutcome.Kind.COMPLETED);
        waitFor("the retry ends", () -> study.store().runs().get(retry.id()).status().isFinal());
        List<Run> ofPatch = study.store().runs().forPatch(target.patchId());
        assertThat(ofPatch).as("the cancelled run and the person's retry, nothing rerun by the loop")
                .extracting(Run::id).containsExactly(target.id(), retry.id());
        assertThat(study.store().runs().get(retry.id()).failureClass()).isNotEqualTo(FailureClass.INFRA);
        assertThat(study.store().patches().forIdea(target.ideaId())).as("a cancel is not repaired").hasSize(1);
        assertThat(study.store().runs().all()).hasSize(before + 3);
    }

    private SearchLoop loop() throws Exception {
        return loops.loop(study, control.schedulerForLoop(), LoopEvents.NONE, AgentChoice.FROM_SPEC);
    }

    private Run succeededIdeaRun() {
        return study.store().runs().inEpoch(0).stream().filter(run -> run.status() == RunStatus.SUCCEEDED).findFirst()
                .orElseThrow();
    }

    /** Running, with its training done (the command said so): it waits on the hold file now. */
    private boolean holding(Run run) {
        Run now = study.store().runs().get(run.id());
        if (now.status() != RunStatus.RUNNING || now.logPath() == null) {
            return false;
        }
        try {
            Path log = dir.resolve(now.logPath());
            return Files.exists(log) && Files.readString(log).lines().anyMatch("trained"::equals);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private RunStatus status(Run run) {
        return study.store().runs().get(run.id()).status();
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
