package dev.groundwork.model.dispatch;

import dev.groundwork.model.execution.RunTarget;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.run.Run;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/** One host of a study's scheduler: its target, which slots hold which run, and how it stands. Guarded by the scheduler. */
final class HostSlots {

    final RunTarget target;
    final Map<Slot, Long> occupied = new HashMap<>();
    StudyScheduler.Health health = StudyScheduler.Health.HEALTHY;
    boolean draining;
    String problem;
    Duration backoff = Duration.ZERO;
    long nextCheck;
    /** GPUs of this host that runs of someone else hold (another Groundwork sharing a Docker host). */
    Set<Integer> heldElsewhere = Set.of();

    HostSlots(RunTarget target, boolean draining) {
        this.target = target;
        this.draining = draining;
    }

    /** A free slot for the run, with its GPUs leased, marked occupied; empty when none can be had here now. */
    Optional<Launcher.Start> take(Run run, StudyScheduler.Pending pending, GpuLeases leases, LongFunction<String> holder) {
        if (health != StudyScheduler.Health.HEALTHY || draining) {
            return Optional.empty();
        }
        for (Slot slot : target.slots()) {
            if (occupied.containsKey(slot) || slot.gpuIds().stream().anyMatch(heldElsewhere::contains)) {
                continue;
            }
            Optional<GpuLeases.Lease> lease = slot.gpuIds().isEmpty() ? Optional.of(() -> { })
                    : leases.tryAcquire(target.host(), slot.gpuIds(), holder.apply(run.id()));
            if (lease.isPresent()) {
                occupied.put(slot, run.id());
                return Optional.of(new Launcher.Start(run, this, slot, lease.get(), null));
            }
        }
        return Optional.empty();
    }

    /** The slot a run from before a restart holds (by its recorded slot), leased again; empty when it cannot be. */
    Optional<Launcher.Start> retake(Run run, GpuLeases leases, String holder) {
        Optional<Slot> slot = target.slots().stream()
                .filter(candidate -> run.slot() != null ? candidate.index() == run.slot()
                        : candidate.gpuIds().equals(run.gpuIds()))
                .filter(candidate -> !occupied.containsKey(candidate)).findFirst();
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        Optional<GpuLeases.Lease> lease = slot.get().gpuIds().isEmpty() ? Optional.of(() -> { })
                : leases.tryAcquire(target.host(), slot.get().gpuIds(), holder);
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        occupied.put(slot.get(), run.id());
        return Optional.of(new Launcher.Start(run, this, slot.get(), lease.get(), null));
    }

    void markUnhealthy(String why, Duration recheckIn) {
        health = StudyScheduler.Health.UNHEALTHY;
        problem = why;
        backoff = recheckIn;
        nextCheck = System.nanoTime() + recheckIn.toNanos();
    }

    void markHealthy() {
        health = StudyScheduler.Health.HEALTHY;
        problem = null;
        backoff = Duration.ZERO;
    }

    StudyScheduler.HostState state() {
        StudyScheduler.Health shown = health == StudyScheduler.Health.HEALTHY && draining
                ? StudyScheduler.Health.DRAINING : health;
        List<StudyScheduler.SlotUse> slots = target.slots().stream()
                .map(slot -> new StudyScheduler.SlotUse(slot, occupied.get(slot))).toList();
        return new StudyScheduler.HostState(target.host(), shown, Optional.ofNullable(problem), slots);
    }
}
