package dev.groundwork.model.dispatch;

import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunListener;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.run.FailureClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A host whose runs are threads that print one metric line and exit after a pause, for the scheduler's tests (the real
 * targets have their own: local processes in runners, containers on a real Docker daemon). It records which GPUs its
 * runs hold, refuses GPUs another run holds (which would be a scheduler bug), and can go down: starts are refused, the
 * runs on it end as infrastructure failures, and its health check fails until it comes back.
 */
final class ScriptedHost implements RunTarget {

    private final String name;
    private final List<Slot> slots;
    private final long runMillis;
    private final Set<Integer> gpusInUse = Collections.synchronizedSet(new HashSet<>());
    private final Map<String, Started> running = new ConcurrentHashMap<>();
    final List<Long> started = Collections.synchronizedList(new ArrayList<>());
    final List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
    final Set<String> survivors = ConcurrentHashMap.newKeySet();
    private volatile boolean down;
    /** Answers checks but every run on it dies of the infrastructure (a daemon that restarts under its containers). */
    volatile boolean killsEveryRun;

    ScriptedHost(String name, List<Slot> slots, long runMillis) {
        this.name = name;
        this.slots = List.copyOf(slots);
        this.runMillis = runMillis;
    }

    @Override
    public String host() {
        return name;
    }

    @Override
    public List<Slot> slots() {
        return slots;
    }

    @Override
    public RunHandle start(RunLaunch launch, RunListener listener) throws RunStartException {
        if (down) {
            throw RunStartException.hostDown(name + " does not answer", null);
        }
        synchronized (gpusInUse) {
            for (int gpu : launch.slot().gpuIds()) {
                if (!gpusInUse.add(gpu)) {
                    overlaps.add("GPU " + gpu + " given to run " + launch.runId() + " while in use");
                }
            }
        }
        started.add(launch.runId());
        Started run = new Started("h" + launch.runId(), launch, listener);
        running.put(run.id(), run);
        Thread.ofVirtual().start(run::play);
        return run;
    }

    @Override
    public boolean reap(String handle) {
        return false;
    }

    @Override
    public Optional<RunHandle> reattach(String handle, RunLaunch launch, RunListener listener) {
        if (!survivors.remove(handle)) {
            return Optional.empty();
        }
        Started run = new Started(handle, launch, listener);
        running.put(handle, run);
        Thread.ofVirtual().start(run::play);
        return Optional.of(run);
    }

    @Override
    public HostHealth check() {
        return down ? HostHealth.unhealthy(name + " does not answer") : HostHealth.healthy(List.of());
    }

    /** Goes down: its runs end as infrastructure failures, new ones are refused, checks fail. */
    void goDown() {
        down = true;
        running.values().forEach(run -> run.end(FailureClass.INFRA));
    }

    void comeBack() {
        down = false;
    }

    private final class Started implements RunHandle {
        private final String id;
        private final RunLaunch launch;
        private final RunListener listener;
        private final CountDownLatch stop = new CountDownLatch(1);
        private volatile FailureClass ending;

        Started(String id, RunLaunch launch, RunListener listener) {
            this.id = id;
            this.launch = launch;
            this.listener = listener;
        }

        void play() {
            try {
                listener.onLine("{\"step\": 1, \"val_loss\": 0.5}", false);
                if (killsEveryRun) {
                    ending = FailureClass.INFRA;
                } else {
                    stop.await(runMillis, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (gpusInUse) {
                launch.slot().gpuIds().forEach(gpusInUse::remove);
            }
            running.remove(id);
            FailureClass failure = ending;
            listener.onExit(new RunExit(failure == null ? 0 : 137, failure, List.of(), runMillis / 1000.0));
        }

        void end(FailureClass failure) {
            ending = failure;
            stop.countDown();
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void cancel() {
            end(FailureClass.CANCELLED);
        }
    }
}
