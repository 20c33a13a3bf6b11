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
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open study's scheduler in the window, the one owner of its run slots: the loop and the Runs page's cancel,
 * retry, run again and slot map all go through it, so a person's runs and the loop's share the slots and never a GPU.
 * The scheduler is made again from the spec when the loop starts with nothing running, so that edits of the run
 * settings on the Settings page apply. Closing it stops the study's runs and the scheduler's threads.
 */
public final class WindowRunControl implements AutoCloseable {

    /** A person's runs from the Runs page start before the loop's queued ones. */
    static final int PERSON = 1;

    private static final Logger LOG = LoggerFactory.getLogger(WindowRunControl.class);

    private final StudyFolder study;
    private final BiFunction<StudyFolder, Consumer<String>, StudyScheduler> schedulers;
    private final RunControl control;
    private StudyScheduler scheduler;
    private StudySpec madeFrom; // the spec the scheduler was made from; a saved edit replaces the study's
    private volatile LoopEvents loopEvents;
    private boolean loopRunning;
    private boolean closed;

    /** @param schedulers a study's scheduler from its spec, with where its notes go */
    public WindowRunControl(StudyFolder study, BiFunction<StudyFolder, Consumer<String>, StudyScheduler> schedulers) {
        this.study = study;
        this.schedulers = schedulers;
        RunRequests requests = new RunRequests(study);
        this.control = new RunControl() {
            @Override
            public String cancel(long runId) {
                return WindowRunControl.this.cancel(runId);
            }

            @Override
            public Run retry(long runId) {
                return startNow(requests.retry(runId));
            }

            @Override
            public Run runAgain(long runId) {
                return startNow(requests.runAgain(runId));
            }

            @Override
            public List<Host> hosts() {
                return scheduler().hosts().stream().map(WindowRunControl::host).toList();
            }
        };
    }

    /** The Runs page's controls for the study. */
    public RunControl control() {
        return control;
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

    /** The scheduler a loop about to start uses: made afresh from the spec unless runs are still on the old one. */
    public synchronized StudyScheduler schedulerForLoop() {
        if (scheduler != null && !scheduler.busy()) {
            scheduler.close();
            scheduler = null;
        }
        return scheduler();
    }

    /** Runs the loop; while it runs, the scheduler's notes go to its events (the status bar). */
    public LoopOutcome run(SearchLoop loop, LoopOptions options, LoopEvents events)
            throws IOException, InterruptedException {
        loopStarts(events);
        try {
            return loop.run(options);
        } finally {
            loopEnds();
        }
    }

    /** Whether the loop or runs this window started still run on the study (it must stay open until they end). */
    public synchronized boolean busy() {
        return loopRunning || (scheduler != null && scheduler.busy());
    }

    /**
     * Drains a host (or opens it again) on the study's scheduler if it runs on it, so that a drain on the Settings page
     * holds at once rather than when the scheduler is next made from the settings.
     */
    public synchronized void drain(String host, boolean drain) {
        if (scheduler != null && scheduler.hosts().stream().anyMatch(state -> state.name().equals(host))) {
            scheduler.drain(host, drain);
        }
    }

    /** Stops the study's runs (recorded as interrupted) and its scheduler; the study is closing. */
    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }

    /**
     * The study's scheduler; made again when the spec was edited (hosts, target, runs at once) and it is idle. None once
     * closed, so that a page still reading the study the window has left starts no threads for it.
     */
    private synchronized StudyScheduler scheduler() {
        if (closed) {
            throw new IllegalStateException(study.name() + " is no longer open in this window.");
        }
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

    private synchronized void loopStarts(LoopEvents events) {
        loopEvents = events;
        loopRunning = true;
    }

    private synchronized void loopEnds() {
        loopRunning = false;
        loopEvents = null;
    }

    private Run startNow(Run queued) {
        StudyScheduler current = scheduler();
        current.prioritize(queued.id(), PERSON);
        current.submit(queued);
        return queued;
    }

    private String cancel(long runId) {
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
}
