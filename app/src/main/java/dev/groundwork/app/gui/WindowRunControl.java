package dev.groundwork.app.gui;

import dev.groundwork.model.dispatch.StudyScheduler;
import dev.groundwork.model.monitor.RunRequests;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOptions;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.search.SearchLoop;
import dev.groundwork.model.spec.StudySpec;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.runs.RunControl;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each open study's scheduler in the window, the one owner of its run slots: the loop and the Runs page's cancel,
 * retry, run again and slot map all go through it, so a person's runs and the loop's share the slots and never a GPU.
 * The scheduler is made again from the spec when the loop starts with nothing running, so that edits of the run
 * settings on the Settings page apply.
 */
public final class WindowRunControl implements AutoCloseable {

    /** A person's runs from the Runs page start before the loop's queued ones. */
    static final int PERSON = 1;

    private static final Logger LOG = LoggerFactory.getLogger(WindowRunControl.class);

    private final BiFunction<StudyFolder, Consumer<String>, StudyScheduler> schedulers;
    private final Map<StudyFolder, Owner> owners = new ConcurrentHashMap<>();

    /** @param schedulers a study's scheduler from its spec, with where its notes go */
    public WindowRunControl(BiFunction<StudyFolder, Consumer<String>, StudyScheduler> schedulers) {
        this.schedulers = schedulers;
    }

    /** The Runs page's controls for a study. */
    public RunControl of(StudyFolder study) {
        Owner owner = owner(study);
        RunRequests requests = new RunRequests(study);
        return new RunControl() {
            @Override
            public String cancel(long runId) {
                return owner.cancel(runId);
            }

            @Override
            public Run retry(long runId) {
                return owner.startNow(requests.retry(runId));
            }

            @Override
            public Run runAgain(long runId) {
                return owner.startNow(requests.runAgain(runId));
            }

            @Override
            public List<Host> hosts() {
                return owner.scheduler().hosts().stream().map(WindowRunControl::host).toList();
            }
        };
    }

    /** A scheduler's host as the Runs page shows it: how it stands, why, and its slots. */
    static RunControl.Host host(StudyScheduler.HostState host) {
        RunControl.Health health = switch (host.health()) {
            case HEALTHY -> RunControl.Health.HEALTHY;
            case UNHEALTHY -> RunControl.Health.UNHEALTHY;
            case DRAINING -> RunControl.Health.DRAINING;
        };
        return new RunControl.Host(host.name(), health, host.problem(), host.slots().stream()
                .map(use -> new RunControl.HostSlot(use.slot(), use.runId())).toList());
    }

    /**
     * Drains a host (or opens it again) on every open study's scheduler that runs on it, so that a drain on the Settings
     * page holds at once rather than when the study's scheduler is next made from the settings.
     */
    public void drain(String host, boolean drain) {
        owners.values().forEach(owner -> owner.drain(host, drain));
    }

    /** The scheduler a loop about to start uses: made afresh from the spec unless runs are still on the old one. */
    public StudyScheduler schedulerForLoop(StudyFolder study) {
        return owner(study).renewedUnlessBusy();
    }

    /** Runs the loop; while it runs, the scheduler's notes go to its events (the status bar). */
    public LoopOutcome run(StudyFolder study, SearchLoop loop, LoopOptions options, LoopEvents events)
            throws IOException, InterruptedException {
        Owner owner = owner(study);
        owner.loopStarts(events);
        try {
            return loop.run(options);
        } finally {
            owner.loopEnds();
        }
    }

    /** Whether the loop or runs this window started still run on the study (it must stay open until they end). */
    public boolean busy(StudyFolder study) {
        Owner owner = owners.get(study);
        return owner != null && owner.busy();
    }

    /** Stops every study's runs (recorded as interrupted) and its scheduler; the window is closing. */
    @Override
    public void close() {
        owners.values().forEach(Owner::close);
    }

    private Owner owner(StudyFolder study) {
        return owners.computeIfAbsent(study, Owner::new);
    }

    /** One study's scheduler, and where its notes go. */
    private final class Owner {

        private final StudyFolder study;
        private StudyScheduler scheduler;
        private StudySpec madeFrom; // the spec the scheduler was made from; a saved edit replaces the study's
        private volatile LoopEvents loopEvents;
        private boolean loopRunning;

        Owner(StudyFolder study) {
            this.study = study;
        }

        /** The study's scheduler; made again when the spec was edited (hosts, target, runs at once) and it is idle. */
        synchronized StudyScheduler scheduler() {
            if (scheduler != null && madeFrom != study.spec() && !busy()) {
                scheduler.close();
                scheduler = null;
            }
            if (scheduler == null) {
                madeFrom = study.spec();
                scheduler = schedulers.apply(study, this::note);
            }
            return scheduler;
        }

        synchronized StudyScheduler renewedUnlessBusy() {
            if (scheduler != null && !scheduler.busy()) {
                scheduler.close();
                scheduler = null;
            }
            return scheduler();
        }

        synchronized void loopStarts(LoopEvents events) {
            loopEvents = events;
            loopRunning = true;
        }

        synchronized void loopEnds() {
            loopRunning = false;
            loopEvents = null;
        }

        synchronized boolean busy() {
            return loopRunning || (scheduler != null && scheduler.busy());
        }

        Run startNow(Run queued) {
            StudyScheduler current = scheduler();
            current.prioritize(queued.id(), PERSON);
            current.submit(queued);
            return queued;
        }

        String cancel(long runId) {
            Run before = study.store().runs().get(runId);
            if (scheduler().cancel(runId)) {
                return before.status().isActive() ? "Run " + runId + " is being stopped; it is recorded as cancelled."
                        : "Run " + runId + " is cancelled; it will not run.";
            }
            Run now = study.store().runs().get(runId);
            if (now.status().isFinal()) {
                throw new IllegalStateException("Run " + runId + " has already ended (" + now.status().wireName() + ").");
            }
            throw new IllegalStateException("Run " + runId + " is " + now.status().wireName() + " but not on this"
                    + " window's slots; close and open the study again to take it over.");
        }

        private void note(String sentence) {
            LoopEvents events = loopEvents;
            if (events != null) {
                events.note(sentence);
            } else {
                LOG.info("{}: {}", study.name(), sentence);
            }
        }

        synchronized void drain(String host, boolean drain) {
            if (scheduler != null && scheduler.hosts().stream().anyMatch(state -> state.name().equals(host))) {
                scheduler.drain(host, drain);
            }
        }

        synchronized void close() {
            if (scheduler != null) {
                scheduler.close();
            }
        }
    }
}
