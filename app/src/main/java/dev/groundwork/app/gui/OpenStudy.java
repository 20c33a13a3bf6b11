package dev.groundwork.app.gui;

import dev.groundwork.app.loop.AgentChoice;
import dev.groundwork.app.loop.HostSelection;
import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.model.agent.Implementer;
import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOptions;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.search.SearchLoop;
import dev.groundwork.model.spec.StudySpec;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.runs.RunControl;
import dev.groundwork.views.shell.LoopRunner;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One study as the window has it open: its review desk, ideas inbox, run monitor, analytics, research loop and run
 * slots, made once when the window opens it and closed when the window leaves it or closes, so that every page and
 * every poll works with the same objects and closing stops what the study's runs hold (the scheduler and its threads).
 */
public final class OpenStudy implements AutoCloseable {

    private final StudyFolder study;
    private final LoopAssembly loops;
    private final HumanPatches edits;
    private final WindowIdeator ideator;
    private final PatchReview review;
    private final RunMonitor runs;
    private final StudyAnalytics analytics;
    private final WindowRunControl runControl;
    private final LoopRunner loop;
    private IdeaInbox inbox;
    private StudySpec inboxSpec; // the spec the inbox was made from; a saved edit may name another implementer

    public OpenStudy(StudyFolder study, LoopAssembly loops, Clock clock) {
        this.study = study;
        this.loops = loops;
        this.edits = loops.humanPatches(study);
        this.ideator = new WindowIdeator(loops, study);
        this.review = new PatchReview(study, clock, edits);
        this.runs = new RunMonitor(study);
        this.analytics = new StudyAnalytics(study);
        this.runControl = new WindowRunControl(study, (folder, notes) -> loops.scheduler(folder,
                folder.spec().search().concurrency(), HostSelection.FROM_SPEC, notes));
        this.loop = new Loop();
    }

    /** The catalog's implementer, so that the inbox refuses seeds it could never implement; none when it has none. */
    private static Implementer offline(LoopAssembly loops, StudyFolder study) {
        try {
            return loops.offlineImplementer(study).orElse(null);
        } catch (IOException e) {
            return null; // an unreadable catalog is reported when the loop asks it for a patch
        }
    }

    public StudyFolder study() {
        return study;
    }

    public PatchReview review() {
        return review;
    }

    /** The ideas inbox; made again after a saved spec edit, so that a seed is checked by the implementer named now. */
    public synchronized IdeaInbox inbox() {
        StudySpec spec = study.spec();
        if (inbox == null || inboxSpec != spec) {
            inboxSpec = spec;
            inbox = new IdeaInbox(study, edits, ideator, offline(loops, study));
        }
        return inbox;
    }

    public RunMonitor runs() {
        return runs;
    }

    public StudyAnalytics analytics() {
        return analytics;
    }

    public RunControl runControl() {
        return runControl.control();
    }

    /** The study's research loop, run in this process on the study's run slots. */
    public LoopRunner loop() {
        return loop;
    }

    /** Whether the loop or runs started in this window still run on the study, so that it must not be closed yet. */
    public boolean busy() {
        return runControl.busy();
    }

    /** Drains a host (or opens it again) for the study's runs at once. */
    public void drain(String host, boolean drain) {
        runControl.drain(host, drain);
    }

    /** Stops the study's runs (recorded as interrupted) and its scheduler's threads; the window leaves the study. */
    @Override
    public void close() {
        runControl.close();
    }

    /** The loop, one run at a time; pause and stop reach the one running. */
    private final class Loop implements LoopRunner {

        private final Semaphore idle = new Semaphore(1);
        private volatile SearchLoop running;

        @Override
        public LoopOutcome run(LoopEvents events) throws Exception {
            idle.acquire();
            try {
                running = loops.loop(study, runControl.schedulerForLoop(), events, AgentChoice.FROM_SPEC);
                return runControl.run(running, LoopOptions.from(study.spec().search()), events);
            } finally {
                running = null;
                idle.release();
            }
        }

        @Override
        public boolean awaitReturn(Duration timeout) throws InterruptedException {
            if (!idle.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            idle.release();
            return true;
        }

        @Override
        public void pause() {
            SearchLoop loop = running;
            if (loop != null) {
                loop.requestPause();
            }
        }

        @Override
        public void stop() {
            SearchLoop loop = running;
            if (loop != null) {
                loop.requestStop();
            }
        }
    }
}
