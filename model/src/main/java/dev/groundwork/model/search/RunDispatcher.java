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
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued runs on the target's slots, at most one run per slot (so never two runs on one GPU): checks each run's
 * commit out into {@code runs/<id>/workspace}, starts it, streams its metrics into the store, scores it and records how
 * it ended. Every state change is persisted before the next step.
 *
 * <p>The slots belong to the dispatcher, not to one call: the loop's {@link #runAll} and a person's {@link #submit} (a
 * retry from the Runs page) share them. A run starts only if it is still queued when it gets its slot, checked under
 * the same lock as {@link #cancel}, so a run cancelled while it waited is skipped and no run starts twice.
 */
public final class RunDispatcher {

    /** A slot and the run on it, or null when it is free. */
    public record SlotUse(Slot slot, Long runId) {}

    private static final Logger LOG = LoggerFactory.getLogger(RunDispatcher.class);

    private final StudyFolder study;
    private final StudyCode code;
    private final RunTarget target;
    private final List<Slot> slots;
    private final LoopEvents events;
    private final BlockingQueue<Slot> free;
    private final Object lock = new Object();
    private final Map<Long, RunCollector> active = new ConcurrentHashMap<>();
    private final Map<Slot, Long> occupied = new ConcurrentHashMap<>();
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public RunDispatcher(StudyFolder study, StudyCode code, RunTarget target, int concurrency, LoopEvents events) {
        this.study = study;
        this.code = code;
        this.target = target;
        this.slots = List.copyOf(target.slots().subList(0, Math.min(concurrency, target.slots().size())));
        this.events = events;
        this.free = new ArrayBlockingQueue<>(Math.max(1, slots.size()), false, slots);
    }

    /** Runs them all, as slots free up, and returns when every one has ended (or the dispatcher is stopped). */
    public void runAll(List<Run> runs, Runnable onRunFinished) throws InterruptedException {
        runAll(runs, onRunFinished, () -> false);
    }

    /**
     * Runs them as slots free up until {@code startNoMore} says so (a pause): the runs already started finish, the
     * others stay queued for the next call. Returns when every started one has ended.
     */
    public void runAll(List<Run> runs, Runnable onRunFinished, BooleanSupplier startNoMore) throws InterruptedException {
        requireSlots();
        List<CountDownLatch> finished = new ArrayList<>();
        for (Run run : runs) {
            if (stopping || startNoMore.getAsBoolean()) {
                break;
            }
            Slot slot = takeSlotUnless(startNoMore);
            if (slot == null) {
                break;
            }
            if (stopping) {
                free.add(slot);
                break;
            }
            CountDownLatch done = new CountDownLatch(1);
            finished.add(done);
            launch(run, slot, () -> {
                onRunFinished.run();
                done.countDown();
            });
        }
        for (CountDownLatch done : finished) {
            done.await();
        }
    }

    /**
     * Runs a queued run on the next free slot and returns at once (a retry or repeat a person asked for). The run may
     * be cancelled while it waits; if the dispatcher stops first, it is recorded as interrupted.
     */
    public void submit(Run run) {
        requireSlots();
        synchronized (lock) {
            if (stopping) {
                throw new IllegalStateException("The runs are being stopped; try again once they have.");
            }
            if (active.containsKey(run.id()) || !waiting.add(run.id())) {
                return;
            }
        }
        Thread.ofPlatform().daemon().name("run-" + run.id() + "-waits-for-a-slot").start(() -> {
            try {
                Slot slot = null;
                // Polled rather than interrupted: a cancel or a stop only has to take the run off the waiting set.
                while (slot == null && waiting.contains(run.id()) && !stopping) {
                    slot = free.poll(100, TimeUnit.MILLISECONDS);
                }
                if (slot != null) {
                    launch(run, slot, () -> { });
                }
                if (stopping) {
                    interruptedBeforeStart(run.id());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.remove(run.id());
            }
        });
    }

    /**
     * Cancels a run for a person: a running one is stopped (its process tree killed) and recorded as cancelled with
     * failure class {@code cancelled}, which the loop neither reruns nor repairs; a queued one is recorded so at once
     * and skipped when its turn comes. Returns false when the run is neither queued nor running here.
     */
    public boolean cancel(long runId) {
        synchronized (lock) {
            RunCollector collector = active.get(runId);
            if (collector != null) {
                collector.cancel();
                return true;
            }
            Run run = study.store().runs().find(runId).orElse(null);
            if (run == null || run.status() != RunStatus.QUEUED) {
                return false;
            }
            study.store().runs().finish(runId, RunStatus.CANCELLED, null, FailureClass.CANCELLED, null);
            waiting.remove(runId);
            return true;
        }
    }

    /** Every slot with the run on it, in the target's order. */
    public List<SlotUse> slotMap() {
        return slots.stream().map(slot -> new SlotUse(slot, occupied.get(slot))).toList();
    }

    /** Whether a run is starting, running or waiting here for a slot. */
    public boolean busy() {
        return !active.isEmpty() || !waiting.isEmpty();
    }

    /**
     * Stops every active run (their processes are killed); they are recorded as interrupted and rerun on resume, as are
     * submitted runs still waiting for a slot. The dispatcher takes no more runs.
     */
    public void stop() {
        synchronized (lock) {
            stopping = true;
        }
        active.values().forEach(RunCollector::interrupt);
    }

    /** Waits until active runs have recorded their end, at most {@code seconds}. */
    public boolean awaitQuiet(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (busy() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return !busy();
    }

    /** The next free slot, or null once {@code startNoMore} says so while waiting for one. */
    private Slot takeSlotUnless(BooleanSupplier startNoMore) throws InterruptedException {
        Slot slot = null;
        while (slot == null) {
            if (startNoMore.getAsBoolean()) {
                return null;
            }
            slot = free.poll(100, TimeUnit.MILLISECONDS);
        }
        return slot;
    }

    private void requireSlots() {
        if (slots.isEmpty()) {
            throw new IllegalStateException(target.host() + " offers no slot to run on.");
        }
    }

    private void launch(Run run, Slot slot, Runnable onDone) {
        Path runDir = study.runsDir().resolve(String.valueOf(run.id()));
        Path workspace = runDir.resolve("workspace");
        Path log = runDir.resolve("log.txt");
        RunSpec spec = study.spec().run();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                active.remove(run.id());
                occupied.remove(slot);
                free.add(slot);
                onDone.run();
            }
        };
        RunCollector collector = new RunCollector(run.id(), study.store(), MetricParser.of(study.spec().metrics()),
                study.spec().reward(), events, release);
        synchronized (lock) {
            // Cancelled while it waited, or started by whoever took it first (the loop and a retry may both hold it).
            if (active.containsKey(run.id()) || study.store().runs().get(run.id()).status() != RunStatus.QUEUED) {
                free.add(slot);
                onDone.run();
                return;
            }
            if (stopping) {
                free.add(slot);
                onDone.run();
                return;
            }
            study.store().runs().markStarting(run.id(), target.host(), slot.index(), slot.gpuIds(),
                    study.dir().relativize(log).toString());
            active.put(run.id(), collector);
            occupied.put(slot, run.id());
        }
        try {
            Files.createDirectories(runDir);
            Folders.deleteTree(workspace);
            Files.createDirectories(workspace);
            code.checkout(commitOf(run), workspace);
            if (collector.cancelled()) {
                study.store().runs().finish(run.id(), RunStatus.CANCELLED, null, FailureClass.CANCELLED, null);
                release.run();
                return;
            }
            RunLaunch launch = new RunLaunch(run.id(), workspace, spec.command(), spec.env(), spec.timeout(), slot, log);
            RunHandle handle = target.start(launch, collector);
            collector.started(handle, new Reproducibility(spec.command(), envNames(spec), spec.seed().isPresent()
                    ? spec.seed().getAsLong() : null, null, null));
        } catch (IOException | RunStartException | RuntimeException e) {
            LOG.warn("Run {} could not start", run.id(), e);
            study.store().runs().finish(run.id(), RunStatus.FAILED, null, FailureClass.INFRA, null);
            events.note("Run " + run.id() + " could not start: " + e.getMessage());
            release.run();
        }
    }

    /** A submitted run that never got a slot because the dispatcher stopped: interrupted, so a retry may run it. */
    private void interruptedBeforeStart(long runId) {
        synchronized (lock) {
            if (study.store().runs().get(runId).status() == RunStatus.QUEUED) {
                study.store().runs().finish(runId, RunStatus.CANCELLED, null, FailureClass.INFRA, null);
            }
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
