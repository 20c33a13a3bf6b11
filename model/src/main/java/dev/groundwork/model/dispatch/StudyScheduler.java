package dev.groundwork.model.dispatch;

import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.study.StudyFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of a study's run queue and slots, across all its hosts: the loop, the Runs page and the CLI submit,
 * cancel and read the slot map here. Runs start in priority order (a person's "run this now" first, then oldest first)
 * on the first free slot of a healthy host that is not draining, and a GPU slot only when its GPUs can be leased (no
 * other run, of this study or another, of this process or another, holds one of them). A host that stops answering is
 * marked unhealthy and checked again with backoff; a run it took down is an {@code infra} failure and runs again
 * elsewhere, at most twice. Runs a previous Groundwork left running are followed again where the target can (a
 * container), else recorded lost.
 *
 * <p>The queue is the database's: every queued run is a {@code queued} row with its priority, so a restart loses
 * nothing. Threads: one that starts runs, one that rechecks unhealthy hosts, a virtual thread per starting run.
 */
public final class StudyScheduler implements AutoCloseable {

    /** How a host stands for new runs. */
    public enum Health { HEALTHY, UNHEALTHY, DRAINING }

    /** A slot and the run on it, or null when it is free. */
    public record SlotUse(Slot slot, Long runId) {}

    /** A host, how it stands, why (when it cannot take runs), and its slots in order. */
    public record HostState(String name, Health health, Optional<String> problem, List<SlotUse> slots) {
        public HostState {
            slots = List.copyOf(slots);
        }

        public long busy() {
            return slots.stream().filter(slot -> slot.runId() != null).count();
        }
    }

    /** How many times a run that a host took down runs again elsewhere. */
    static final int MAX_INFRA_RERUNS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(StudyScheduler.class);
    private static final Duration FIRST_RECHECK = Duration.ofSeconds(1);
    private static final Duration LONGEST_RECHECK = Duration.ofMinutes(1);

    private final StudyFolder study;
    private final Launcher launcher;
    private final GpuLeases leases;
    private final Consumer<String> notes;
    private final int concurrency;
    private final Map<String, HostSlots> hosts = new LinkedHashMap<>();
    private final Object lock = new Object();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>(
            Comparator.comparingInt(Pending::priority).reversed().thenComparingLong(Pending::runId));
    private final Map<Long, Active> active = new HashMap<>();
    private final Thread starter;
    private final Thread watcher;
    private volatile boolean closed;

    /**
     * @param targets     the study's hosts, in the order runs fill them
     * @param draining    names of hosts that take no new runs
     * @param concurrency the most runs of this study at once, over all hosts
     * @param notes       sentences for the researcher (a run could not start, a host went down)
     */
    public StudyScheduler(StudyFolder study, CodeCheckout code, List<RunTarget> targets, Set<String> draining,
                          int concurrency, GpuLeases leases, Consumer<String> notes) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("A study needs at least one host to run on.");
        }
        this.study = study;
        this.leases = leases;
        this.notes = notes;
        this.concurrency = concurrency;
        this.launcher = new Launcher(study, code, notes, this::hostDown);
        for (RunTarget target : targets) {
            hosts.put(target.host(), new HostSlots(target, draining.contains(target.host())));
        }
        recoverActiveRuns();
        starter = Thread.ofPlatform().daemon().name("scheduler-" + study.name()).start(this::startRuns);
        watcher = Thread.ofPlatform().daemon().name("scheduler-" + study.name() + "-hosts").start(this::watchHosts);
    }

    /**
     * Queues a run (it must be {@code queued} in the store) and returns at once; the future completes with the run as
     * it ended, or as it is when it is withdrawn ({@link #withdraw}) or the scheduler stops its runs. A run that a host
     * took down completes with the run that ran in its place.
     */
    public CompletableFuture<Run> submit(Run run) {
        synchronized (lock) {
            refuseWhenClosed();
            Optional<Pending> known = pending(run.id());
            if (known.isPresent()) {
                return known.get().done();
            }
            Active started = active.get(run.id());
            if (started != null) {
                return started.pending().done();
            }
            Pending pending = new Pending(run.id(), study.store().runs().priority(run.id()), new CompletableFuture<>());
            queue.add(pending);
            lock.notifyAll();
            return pending.done();
        }
    }

    /**
     * Runs them all as slots free up and returns when each has ended, or, once {@code startNoMore} says so (a pause),
     * when the ones already started have: the others stay queued for the next call.
     */
    public void runAll(List<Run> runs, Runnable onRunFinished, BooleanSupplier startNoMore) throws InterruptedException {
        List<CompletableFuture<Run>> done = new ArrayList<>();
        for (Run run : runs) {
            done.add(submit(run).whenComplete((ended, failure) -> onRunFinished.run()));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
        boolean withdrawn = false;
        while (!all.isDone()) {
            if (!withdrawn && startNoMore.getAsBoolean()) {
                runs.forEach(run -> withdraw(run.id()));
                withdrawn = true;
            }
            try {
                all.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // look at startNoMore again
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Runs it before every other queued run (a person's "run this now"). */
    public void prioritize(long runId, int priority) {
        synchronized (lock) {
            study.store().runs().setPriority(runId, priority);
            pending(runId).ifPresent(pending -> {
                queue.remove(pending);
                queue.add(pending.withPriority(priority));
            });
            lock.notifyAll();
        }
    }

    /**
     * Cancels a run for a person: a running one is stopped and recorded {@code cancelled} with failure class
     * {@code cancelled} (never rerun nor repaired); a queued one is recorded so at once. False when it is neither.
     */
    public boolean cancel(long runId) {
        synchronized (lock) {
            Active running = active.get(runId);
            if (running != null) {
                running.collector().cancel();
                return true;
            }
            Run run = study.store().runs().find(runId).orElse(null);
            if (run == null || run.status() != RunStatus.QUEUED) {
                return false;
            }
            Run cancelled = study.store().runs().finish(runId, RunStatus.CANCELLED, null, FailureClass.CANCELLED, null);
            pending(runId).ifPresent(pending -> {
                queue.remove(pending);
                pending.done().complete(cancelled);
            });
            return true;
        }
    }

    /** Takes a queued run back off the queue without changing it (it stays {@code queued} for a later submit). */
    public void withdraw(long runId) {
        synchronized (lock) {
            pending(runId).ifPresent(pending -> {
                queue.remove(pending);
                pending.done().complete(study.store().runs().get(runId));
            });
        }
    }

    /**
     * Stops every running run (recorded as interrupted, so the loop runs it again) and takes the queued ones off the
     * queue (they stay queued in the study). The scheduler goes on taking runs.
     */
    public void stopRuns() {
        List<Pending> waiting;
        synchronized (lock) {
            waiting = new ArrayList<>(queue);
            queue.clear();
            active.values().forEach(running -> running.collector().interrupt());
        }
        waiting.forEach(pending -> pending.done().complete(study.store().runs().get(pending.runId())));
    }

    /** Waits until no run is starting or running, at most {@code seconds}; true when none is. */
    public boolean awaitQuiet(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lock) {
            while (!active.isEmpty() && System.nanoTime() < deadline) {
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            return active.isEmpty();
        }
    }

    /** Whether a run is starting, running, or queued here. */
    public boolean busy() {
        synchronized (lock) {
            return !active.isEmpty() || !queue.isEmpty();
        }
    }

    /** Every host with its slots, in order. */
    public List<HostState> hosts() {
        synchronized (lock) {
            return hosts.values().stream().map(HostSlots::state).toList();
        }
    }

    /** A draining host finishes its runs and takes no new ones; {@code false} opens it again. */
    public void drain(String host, boolean drain) {
        synchronized (lock) {
            HostSlots slots = hosts.get(host);
            if (slots == null) {
                throw new Refusal(Refusal.Kind.NOT_ALLOWED, "This study runs on no host named " + host + ".");
            }
            slots.draining = drain;
            lock.notifyAll();
        }
    }

    /** Stops the running runs (recorded as interrupted) and the scheduler's threads. */
    @Override
    public void close() {
        closed = true;
        stopRuns();
        synchronized (lock) {
            lock.notifyAll();
        }
        starter.interrupt();
        watcher.interrupt();
    }

    private void startRuns() {
        while (!closed) {
            Launcher.Start start;
            try {
                synchronized (lock) {
                    start = nextStart();
                    if (start == null) {
                        // Woken by a submit, a freed slot or a host coming back; the timeout catches GPUs that another
                        // process frees, which nothing here is told of.
                        lock.wait(250);
                        continue;
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("The scheduler of {} could not pick the next run", study.name(), e);
                sleepQuietly(Duration.ofSeconds(1));
                continue;
            }
            Launcher.Start started = start;
            Thread.ofVirtual().name("run-" + start.run().id() + "-starts").start(() -> launcher.launch(started));
        }
    }

    /** The next run and its slot, marked starting; null when no run can start now. Holds the lock. */
    private Launcher.Start nextStart() {
        while (!queue.isEmpty()) {
            Pending next = queue.peek();
            Run run = study.store().runs().find(next.runId()).orElse(null);
            if (run == null || run.status() != RunStatus.QUEUED) {
                queue.poll(); // cancelled or started elsewhere while it waited
                next.done().complete(run);
                continue;
            }
            if (active.size() >= concurrency) {
                return null;
            }
            for (HostSlots host : hosts.values()) {
                Optional<Launcher.Start> start = host.take(run, next, leases, this::holder);
                if (start.isPresent()) {
                    queue.poll();
                    study.store().runs().markStarting(run.id(), host.target.host(), start.get().slot().index(),
                            start.get().slot().gpuIds(), launcher.logPath(run.id()));
                    RunCollector collector = launcher.collector(run.id(), () -> released(run.id()));
                    active.put(run.id(), new Active(next, host, start.get().slot(), start.get().lease(), collector));
                    return start.get().with(collector);
                }
            }
            return null;
        }
        return null;
    }

    /** A run's slot is free again; a run a host took down runs once more elsewhere. */
    private void released(long runId) {
        Active ended;
        synchronized (lock) {
            ended = active.remove(runId);
            if (ended == null) {
                return;
            }
            ended.host().occupied.remove(ended.slot());
            ended.lease().close();
            lock.notifyAll();
        }
        Run run = study.store().runs().get(runId);
        if (run.status() == RunStatus.FAILED && run.failureClass() == FailureClass.INFRA
                && ended.collector().endedByInfrastructure()) {
            HostHealth health = ended.host().target.check();
            health.problem().ifPresent(problem -> hostDown(ended.host(), problem));
            if (rerunsSoFar(run) < MAX_INFRA_RERUNS && !closed) {
                Run again = study.store().runs().queue(new NewRun(run.patchId(), run.ideaId(), run.epoch(),
                        run.reproducibility()));
                study.store().runs().setPriority(again.id(), ended.pending().priority());
                notes.accept("Run " + run.id() + " failed on " + run.host() + " for reasons of the host, not its code;"
                        + " it runs again as run " + again.id() + ".");
                synchronized (lock) {
                    queue.add(new Pending(again.id(), ended.pending().priority(), ended.pending().done()));
                    lock.notifyAll();
                }
                return;
            }
        }
        ended.pending().done().complete(run);
    }

    /** How many runs of the same code a host took down before this one. */
    private int rerunsSoFar(Run run) {
        List<Run> same = run.patchId() != null ? study.store().runs().forPatch(run.patchId())
                : study.store().runs().baselineRuns();
        return (int) same.stream().filter(other -> other.id() < run.id() && other.status() == RunStatus.FAILED
                && other.failureClass() == FailureClass.INFRA).count();
    }

    private void hostDown(HostSlots host, String problem) {
        synchronized (lock) {
            if (host.health == Health.UNHEALTHY) {
                return;
            }
            host.markUnhealthy(problem, FIRST_RECHECK);
        }
        notes.accept(host.target.host() + " stopped answering (" + problem + "); its runs go to other hosts, and it"
                + " is checked again shortly.");
    }

    /** Rechecks unhealthy hosts with growing pauses, and brings them back when they answer. */
    private void watchHosts() {
        while (!closed) {
            for (HostSlots host : hostsDueForCheck()) {
                HostHealth health = host.target.check();
                synchronized (lock) {
                    if (health.healthy()) {
                        host.markHealthy();
                        lock.notifyAll();
                    } else {
                        Duration next = host.backoff.multipliedBy(2);
                        host.markUnhealthy(health.problem().orElseThrow(),
                                next.compareTo(LONGEST_RECHECK) > 0 ? LONGEST_RECHECK : next);
                    }
                }
                if (health.healthy()) {
                    notes.accept(host.target.host() + " answers again; runs go to it.");
                }
            }
            for (HostSlots host : hostsWithGpus()) {
                Set<Integer> elsewhere = host.target.gpusHeldElsewhere();
                synchronized (lock) {
                    host.heldElsewhere = elsewhere;
                }
            }
            if (!sleepQuietly(Duration.ofSeconds(1))) {
                return;
            }
        }
    }

    private List<HostSlots> hostsDueForCheck() {
        long now = System.nanoTime();
        synchronized (lock) {
            return hosts.values().stream().filter(host -> host.health == Health.UNHEALTHY && now >= host.nextCheck).toList();
        }
    }

    private List<HostSlots> hostsWithGpus() {
        synchronized (lock) {
            return hosts.values().stream().filter(host -> host.health == Health.HEALTHY
                    && host.target.slots().stream().anyMatch(slot -> !slot.gpuIds().isEmpty())).toList();
        }
    }

    /**
     * Runs a previous Groundwork left starting or running: followed again where the target can (a container still
     * running), else what is left of them is stopped and they are recorded lost, which the loop runs once more.
     */
    private void recoverActiveRuns() {
        for (Run run : study.store().runs().active()) {
            HostSlots host = run.host() == null ? null : hosts.get(run.host());
            Optional<Launcher.Start> followed = host == null || run.handle() == null ? Optional.empty()
                    : host.retake(run, leases, holder(run.id())).flatMap(start -> {
                        RunCollector collector = launcher.collector(run.id(), () -> released(run.id()));
                        Optional<Launcher.Start> attached = launcher.reattach(start.with(collector), run.handle());
                        if (attached.isEmpty()) {
                            host.occupied.remove(start.slot());
                            start.lease().close();
                        }
                        return attached;
                    });
            if (followed.isPresent()) {
                Launcher.Start start = followed.get();
                active.put(run.id(), new Active(new Pending(run.id(), 0, new CompletableFuture<>()), host,
                        start.slot(), start.lease(), start.collector()));
                notes.accept("Run " + run.id() + " was still running on " + run.host() + "; Groundwork follows it again.");
                continue;
            }
            boolean reaped = run.handle() != null && hosts.values().stream()
                    .anyMatch(candidate -> candidate.target.reap(run.handle()));
            study.store().runs().finish(run.id(), RunStatus.LOST, null, FailureClass.INFRA, null);
            notes.accept("Run " + run.id() + " was left " + run.status().wireName() + " by a Groundwork that stopped"
                    + (reaped ? " (what was left of it is stopped now)" : "") + "; it is marked lost and runs again once.");
        }
    }

    private Optional<Pending> pending(long runId) {
        return queue.stream().filter(pending -> pending.runId() == runId).findFirst();
    }

    private String holder(long runId) {
        return "study " + study.name() + " (" + study.dir() + "), run " + runId + ", pid " + ProcessHandle.current().pid();
    }

    private void refuseWhenClosed() {
        if (closed) {
            throw new Refusal(Refusal.Kind.NOT_NOW, "The study is closing; its runs are being stopped.");
        }
    }

    private static boolean sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** A run waiting for a slot; {@code done} is shared by the runs that run in its place after a host failure. */
    record Pending(long runId, int priority, CompletableFuture<Run> done) {
        Pending withPriority(int next) {
            return new Pending(runId, next, done);
        }
    }

    private record Active(Pending pending, HostSlots host, Slot slot, GpuLeases.Lease lease, RunCollector collector) {}
}
