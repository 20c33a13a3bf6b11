package dev.groundwork.app.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.app.cli.CliRunner;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.dispatch.StudyScheduler;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pausing the loop for real: the running run finishes and is scored, the queued ones wait, and the next run goes on. */
class PauseTest {

    @TempDir
    Path temp;

    @Test
    void aPauseLetsTheRunningRunFinishStartsNoOtherAndTheNextRunContinues() throws Exception {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path dir = temp.resolve("study");
        assertThat(cli.run("new", dir.toString(), "--template", "minimal").exitCode()).isZero();
        Path spec = dir.resolve(StudyFolder.SPEC_FILE);
        // Every run takes a second, one at a time, so that the pause comes while the first idea's run runs.
        Files.writeString(spec, Files.readString(spec)
                .replace("command: [\"python3\", \"train.py\"]", "command: [\"python3\", \"-c\", \"import json, time;"
                        + " time.sleep(1); print(json.dumps({'step': 1, 'val_loss': 0.5}))\"]")
                .replaceAll("search: \\{[^}]*}", "search: { epochs: 1, ideas_per_epoch: 3, concurrency: 1 }")
                .replaceAll("gates: \\{[^}]*}", "gates: { idea: auto, patch: auto, launch: auto }"));

        try (SettingsStore settings = new SettingsStore(temp.resolve("settings.json"));
             StudyFolder study = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, cli.dirs(),
                     Clock.systemUTC()).open(dir)) {
            LoopAssembly loops = TestAssemblies.local(temp);
            StudyScheduler scheduler = loops.scheduler(study, 1, HostSelection.FROM_SPEC, note -> { });
            SearchLoop loop = loops.loop(study, scheduler, LoopEvents.NONE, AgentChoice.FROM_SPEC);
            CompletableFuture<LoopOutcome> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    return loop.run(LoopOptions.from(study.spec().search()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Pause while the first idea's run is running.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (study.store().runs().active().stream().noneMatch(run -> !run.isBaseline())) {
                assertThat(System.nanoTime()).as("an idea's run started").isLessThan(deadline);
                Thread.sleep(20);
            }
            loop.requestPause();
            LoopOutcome paused = outcome.get(60, TimeUnit.SECONDS);

            assertThat(paused.kind()).as(paused.message()).isEqualTo(LoopOutcome.Kind.PAUSED);
            List<Run> runs = study.store().runs().inEpoch(0).stream().filter(run -> !run.isBaseline()).toList();
            assertThat(runs).hasSize(3);
            assertThat(runs).filteredOn(run -> run.status() == RunStatus.SUCCEEDED)
                    .as("the run that was running finished and was scored").singleElement()
                    .satisfies(run -> assertThat(run.reward()).isEqualTo(0.5));
            assertThat(runs).filteredOn(run -> run.status() == RunStatus.QUEUED)
                    .as("nothing new started after the pause").hasSize(2);
            assertThat(runs).noneMatch(run -> run.status() == RunStatus.CANCELLED || run.status() == RunStatus.LOST);

            LoopOutcome resumed = loops.loop(study, scheduler, LoopEvents.NONE, AgentChoice.FROM_SPEC)
                    .run(LoopOptions.from(study.spec().search()));
            scheduler.close();
            assertThat(resumed.kind()).isEqualTo(LoopOutcome.Kind.COMPLETED);
            assertThat(study.store().runs().inEpoch(0)).filteredOn(run -> !run.isBaseline())
                    .as("the queued runs ran on resume, none twice").hasSize(3)
                    .allMatch(run -> run.status() == RunStatus.SUCCEEDED);
        }
    }
}
