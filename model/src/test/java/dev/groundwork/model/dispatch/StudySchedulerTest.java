package dev.groundwork.model.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.execution.Slots;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.search.BaselineCode;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler on real studies (their store, their baseline checked out for each run) with scripted hosts: priority,
 * GPU leases across studies, a host going down and coming back, draining, re-attaching after a restart.
 */
class StudySchedulerTest {

    @TempDir
    Path temp;

    private SettingsStore settings;
    private StudyLibrary library;
    private final List<StudyFolder> studies = new ArrayList<>();
    private final List<StudyScheduler> schedulers = new ArrayList<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void library() {
        AppDirs dirs = new AppDirs(temp.resolve("c"), temp.resolve("d"), temp.resolve("k"), temp.resolve("s"));
        settings = new SettingsStore(dirs.settingsFile());
        library = new StudyLibrary(new TemplateCatalog(getClass().getClassLoader()), settings, dirs, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        schedulers.forEach(StudyScheduler::close);
        studies.forEach(StudyFolder::close);
        settings.close();
    }

    @Test
    void aPersonsRunThisNowStartsBeforeTheQueueAndCancelsTakeEffectAtOnce() throws Exception {
        StudyFolder study = study("a");
        ScriptedHost host = new ScriptedHost("local", Slots.cpu("local", 1), 150);
        StudyScheduler scheduler = scheduler(study, List.of(host), Set.of(), 1, GpuLeases.NONE);
        List<Run> runs = queue(study, 4);

        scheduler.submit(runs.get(0));
        waitFor("the first run holds the only slot", () -> host.started.size() == 1);
        runs.subList(1, 4).forEach(scheduler::submit);
        scheduler.prioritize(runs.get(3).id(), 1);
        assertThat(scheduler.cancel(runs.get(2).id())).isTrue();
        awaitIdle(scheduler);

        assertThat(host.started).as("the first took the slot at once; the person's came next; the cancelled never ran")
                .containsExactly(runs.get(0).id(), runs.get(3).id(), runs.get(1).id());
        assertThat(status(study, runs.get(2))).isEqualTo(RunStatus.CANCELLED);
        assertThat(study.store().runs().get(runs.get(2).id()).failureClass()).isEqualTo(FailureClass.CANCELLED);
        assertThat(List.of(runs.get(0), runs.get(1), runs.get(3))).allMatch(run -> status(study, run) == RunStatus.SUCCEEDED);
    }

    @Test
    void twoStudiesOnTwoHostsNeverHoldOneGpuTwice() throws Exception {
        FileGpuLeases leases = new FileGpuLeases(temp.resolve("leases"));
        ScriptedHost boxA = new ScriptedHost("box-a", Slots.gpus("box-a", List.of(0, 1, 2, 3), 2), 120);
        ScriptedHost boxB = new ScriptedHost("box-b", Slots.gpus("box-b", List.of(0, 1, 2, 3), 2), 120);
        StudyFolder first = study("first");
        StudyFolder second = study("second");
        // Each study sees both hosts; their targets share the hosts' GPUs, as two studies on one machine would.
        StudyScheduler one = scheduler(first, List.of(boxA, boxB), Set.of(), 4, leases);
        StudyScheduler two = scheduler(second, List.of(boxA, boxB), Set.of(), 4, leases);
        List<CompletableFuture<Run>> done = new ArrayList<>();
        queue(first, 8).forEach(run -> done.add(one.submit(run)));
        queue(second, 8).forEach(run -> done.add(two.submit(run)));

        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(boxA.overlaps).isEmpty();
        assertThat(boxB.overlaps).isEmpty();
        assertThat(boxA.started.size() + boxB.started.size()).isEqualTo(16);
        assertThat(done).allSatisfy(run -> assertThat(run.get().status()).isEqualTo(RunStatus.SUCCEEDED));
    }

    @Test
    void aHostThatGoesDownLosesItsRunsToAnotherAndComesBackWhenItAnswers() throws Exception {
        StudyFolder study = study("a");
        ScriptedHost flaky = new ScriptedHost("flaky", Slots.cpu("flaky", 2), 2_000);
        ScriptedHost steady = new ScriptedHost("steady", Slots.cpu("steady", 2), 100);
        StudyScheduler scheduler = scheduler(study, List.of(flaky, steady), Set.of(), 2, GpuLeases.NONE);
        List<Run> runs = queue(study, 2);
        List<CompletableFuture<Run>> done = runs.stream().map(scheduler::submit).toList();
        waitFor("both run on the first host", () -> flaky.started.size() == 2);

        flaky.goDown();
        List<Run> ended = new ArrayList<>();
        for (CompletableFuture<Run> run : done) {
            ended.add(run.get(30, TimeUnit.SECONDS));
        }

        assertThat(ended).as("each finished in the place of the run the host took down")
                .allSatisfy(run -> {
                    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
                    assertThat(run.host()).isEqualTo("steady");
                });
        assertThat(runs).allSatisfy(run -> {
            Run lost = study.store().runs().get(run.id());
            assertThat(lost.status()).isEqualTo(RunStatus.FAILED);
            assertThat(lost.failureClass()).isEqualTo(FailureClass.INFRA);
        });
        assertThat(scheduler.hosts().getFirst().health()).isEqualTo(StudyScheduler.Health.UNHEALTHY);
        assertThat(notes).anyMatch(note -> note.startsWith("flaky stopped answering"));

        flaky.comeBack();
        waitFor("the host is checked again and taken back", () ->
                scheduler.hosts().getFirst().health() == StudyScheduler.Health.HEALTHY);
        Run later = queue(study, 1).getFirst();
        assertThat(scheduler.submit(later).get(30, TimeUnit.SECONDS).host()).isEqualTo("flaky");
    }

    @Test
    void aRunTheHostTakesDownRunsAgainTwiceAtMostAndThenEndsAsAnInfrastructureFailure() throws Exception {
        StudyFolder study = study("a");
        ScriptedHost crashing = new ScriptedHost("crashing", Slots.cpu("crashing", 1), 50);
        crashing.killsEveryRun = true;
        StudyScheduler scheduler = scheduler(study, List.of(crashing), Set.of(), 1, GpuLeases.NONE);

        Run ended = scheduler.submit(queue(study, 1).getFirst()).get(30, TimeUnit.SECONDS);

        List<Run> attempts = study.store().runs().baselineRuns();
        assertThat(attempts).hasSize(1 + StudyScheduler.MAX_INFRA_RERUNS).allSatisfy(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failureClass()).isEqualTo(FailureClass.INFRA);
        });
        assertThat(ended.id()).isEqualTo(attempts.getLast().id());
        assertThat(notes).filteredOn(note -> note.contains("for reasons of the host")).hasSize(2);
    }

    @Test
    void aDrainingHostFinishesNothingNewAndADrainedOneOpensAgain() throws Exception {
        StudyFolder study = study("a");
        ScriptedHost drained = new ScriptedHost("drained", Slots.cpu("drained", 2), 50);
        ScriptedHost open = new ScriptedHost("open", Slots.cpu("open", 1), 50);
        StudyScheduler scheduler = scheduler(study, List.of(drained, open), Set.of("drained"), 2, GpuLeases.NONE);
        assertThat(scheduler.hosts().getFirst().health()).isEqualTo(StudyScheduler.Health.DRAINING);

        queue(study, 3).forEach(scheduler::submit);
        awaitIdle(scheduler);
        assertThat(drained.started).isEmpty();
        assertThat(open.started).hasSize(3);

        scheduler.drain("drained", false);
        scheduler.submit(queue(study, 1).getFirst()).get(30, TimeUnit.SECONDS);
        assertThat(drained.started).hasSize(1);
    }

    @Test
    void runsLeftRunningByAnEarlierGroundworkAreFollowedAgainOrRecordedLost() throws Exception {
        StudyFolder study = study("a");
        List<Run> runs = queue(study, 2);
        for (Run run : runs) {
            study.store().runs().markStarting(run.id(), "box", 0, List.of(), "runs/" + run.id() + "/log.txt");
            study.store().runs().markRunning(run.id(), "h" + run.id(), Reproducibility.none());
        }
        ScriptedHost box = new ScriptedHost("box", Slots.cpu("box", 2), 100);
        box.survivors.add("h" + runs.get(0).id()); // its container still runs; the other's is gone

        StudyScheduler scheduler = scheduler(study, List.of(box), Set.of(), 2, GpuLeases.NONE);
        awaitIdle(scheduler);

        Run followed = study.store().runs().get(runs.get(0).id());
        assertThat(followed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(followed.reward()).isEqualTo(0.5);
        Run lost = study.store().runs().get(runs.get(1).id());
        assertThat(lost.status()).isEqualTo(RunStatus.LOST);
        assertThat(lost.failureClass()).isEqualTo(FailureClass.INFRA);
        assertThat(notes).anyMatch(note -> note.contains("Groundwork follows it again"))
                .anyMatch(note -> note.contains("it is marked lost"));
    }

    @Test
    void aPausedBatchLeavesItsUnstartedRunsQueued() throws Exception {
        StudyFolder study = study("a");
        ScriptedHost host = new ScriptedHost("local", Slots.cpu("local", 1), 300);
        StudyScheduler scheduler = scheduler(study, List.of(host), Set.of(), 1, GpuLeases.NONE);
        List<Run> runs = queue(study, 3);

        scheduler.runAll(runs, () -> { }, () -> !host.started.isEmpty());

        assertThat(status(study, runs.get(0))).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(List.of(runs.get(1), runs.get(2))).allMatch(run -> status(study, run) == RunStatus.QUEUED);
        assertThat(scheduler.busy()).isFalse();
    }

    private StudyFolder study(String name) throws Exception {
        StudyFolder study = library.create(temp.resolve(name), "minimal");
        studies.add(study);
        return study;
    }

    private StudyScheduler scheduler(StudyFolder study, List<ScriptedHost> hosts, Set<String> draining, int concurrency,
                                     GpuLeases leases) {
        StudyScheduler scheduler = new StudyScheduler(study, new BaselineCode(study), List.copyOf(hosts), draining,
                concurrency, leases, notes::add);
        schedulers.add(scheduler);
        return scheduler;
    }

    /** Baseline runs: each checks the study's code out and runs it, with no patch to need. */
    private static List<Run> queue(StudyFolder study, int count) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(study.store().runs().queue(new NewRun(null, null, 0, Reproducibility.none())));
        }
        return runs;
    }

    private static RunStatus status(StudyFolder study, Run run) {
        return study.store().runs().get(run.id()).status();
    }

    private static void awaitIdle(StudyScheduler scheduler) throws InterruptedException {
        waitFor("the scheduler is idle", () -> !scheduler.busy());
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
