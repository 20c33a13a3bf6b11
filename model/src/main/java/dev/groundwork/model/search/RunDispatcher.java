package dev.groundwork.model.search;

import dev.groundwork.model.common.Folders;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.metrics.MetricParser;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued runs on the target's slots, at most one run per slot (so never two runs on one GPU): checks each run's
 * commit out into {@code runs/<id>/workspace}, starts it, streams its metrics into the store, scores it and records how
 * it ended. Every state change is persisted before the next step.
 */
public final class RunDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RunDispatcher.class);

    private final StudyFolder study;
    private final StudyCode code;
    private final RunTarget target;
    private final List<Slot> slots;
    private final LoopEvents events;
    private final Map<Long, RunCollector> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public RunDispatcher(StudyFolder study, StudyCode code, RunTarget target, int concurrency, LoopEvents events) {
        this.study = study;
        this.code = code;
        this.target = target;
        this.slots = target.slots().subList(0, Math.min(concurrency, target.slots().size()));
        this.events = events;
    }

    /** Runs them all, as slots free up, and returns when every one has ended (or the dispatcher is stopped). */
    public void runAll(List<Run> runs, Runnable onRunFinished) throws InterruptedException {
        if (slots.isEmpty()) {
            throw new IllegalStateException(target.host() + " offers no slot to run on.");
        }
        BlockingQueue<Slot> free = new ArrayBlockingQueue<>(slots.size(), false, slots);
        List<CountDownLatch> finished = new ArrayList<>();
        for (Run run : runs) {
            Slot slot = free.take();
            if (stopping) {
                free.add(slot);
                break;
            }
            CountDownLatch done = new CountDownLatch(1);
            finished.add(done);
            launch(run, slot, () -> {
                free.add(slot);
                onRunFinished.run();
                done.countDown();
            });
        }
        for (CountDownLatch done : finished) {
            done.await();
        }
    }

    /** Stops every active run (their processes are killed); they are recorded as interrupted and rerun on resume. */
    public void stop() {
        stopping = true;
        active.values().forEach(RunCollector::interrupt);
    }

    /** Waits until active runs have recorded their end, at most {@code seconds}. */
    public boolean awaitQuiet(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return active.isEmpty();
    }

    private void launch(Run run, Slot slot, Runnable onDone) {
        Path runDir = study.runsDir().resolve(String.valueOf(run.id()));
        Path workspace = runDir.resolve("workspace");
        Path log = runDir.resolve("log.txt");
        RunSpec spec = study.spec().run();
        study.store().runs().markStarting(run.id(), target.host(), slot.gpuIds(),
                study.dir().relativize(log).toString());
        RunCollector collector = new RunCollector(run.id(), study.store(), MetricParser.of(study.spec().metrics()),
                study.spec().reward(), events, () -> {
                    active.remove(run.id());
                    onDone.run();
                });
        try {
            Files.createDirectories(runDir);
            Folders.deleteTree(workspace);
            Files.createDirectories(workspace);
            code.checkout(commitOf(run), workspace);
            RunLaunch launch = new RunLaunch(run.id(), workspace, spec.command(), spec.env(), spec.timeout(), slot, log);
            active.put(run.id(), collector);
            RunHandle handle = target.start(launch, collector);
            collector.started(handle, new Reproducibility(spec.command(), envNames(spec), spec.seed().isPresent()
                    ? spec.seed().getAsLong() : null, null, null));
        } catch (IOException | RunStartException | RuntimeException e) {
            LOG.warn("Run {} could not start", run.id(), e);
            active.remove(run.id());
            study.store().runs().finish(run.id(), RunStatus.FAILED, null, FailureClass.INFRA, null);
            events.note("Run " + run.id() + " could not start: " + e.getMessage());
            onDone.run();
        }
    }

    private String commitOf(Run run) throws IOException {
        if (run.patchId() == null) {
            return code.mainCommit();
        }
        String commit = study.store().patches().get(run.patchId()).commit();
        if (commit == null) {
            throw new IOException("patch " + run.patchId() + " has no commit to run");
        }
        return commit;
    }

    private static List<String> envNames(RunSpec spec) {
        List<String> names = new ArrayList<>(spec.env().keySet());
        names.add("CUDA_VISIBLE_DEVICES");
        names.add("PYTHONUNBUFFERED");
        return names;
    }
}
