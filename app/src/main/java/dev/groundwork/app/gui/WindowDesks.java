package dev.groundwork.app.gui;

import dev.groundwork.app.loop.AgentChoice;
import dev.groundwork.app.loop.HostSelection;
import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.model.agent.Implementer;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.search.LoopEvents;
import dev.groundwork.model.search.LoopOptions;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.search.SearchLoop;
import dev.groundwork.model.spec.SearchSpec;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.runs.RunControl;
import dev.groundwork.views.shell.LoopRunner;
import dev.groundwork.views.shell.StudyDesks;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * What the window gives each opened study: its ideas inbox, review desk, run monitor and research loop (run in this
 * process, since the window holds the study's lock), and the name its decisions are recorded under.
 */
public final class WindowDesks implements StudyDesks, AutoCloseable {

    private final LoopAssembly loops;
    private final Clock clock;
    private final WindowRunControl runControl;

    public WindowDesks(LoopAssembly loops, Clock clock) {
        this.loops = loops;
        this.clock = clock;
        this.runControl = new WindowRunControl((study, notes) -> loops.scheduler(study,
                study.spec().search().concurrency(), HostSelection.FROM_SPEC, notes));
    }

    @Override
    public Optional<PatchReview> review(Study study) {
        return study instanceof StudyFolder folder
                ? Optional.of(new PatchReview(folder, clock, loops.humanPatches(folder)))
                : Optional.empty();
    }

    @Override
    public Optional<LoopRunner> loop(Study study) {
        if (!(study instanceof StudyFolder folder)) {
            return Optional.empty();
        }
        return Optional.of(new LoopRunner() {
            private volatile SearchLoop running;
            private final java.util.concurrent.Semaphore idle = new java.util.concurrent.Semaphore(1);

            @Override
            public LoopOutcome run(LoopEvents events) throws Exception {
                SearchSpec search = folder.spec().search();
                idle.acquire();
                try {
                    running = loops.loop(folder, runControl.schedulerForLoop(folder), events, AgentChoice.FROM_SPEC);
                    return runControl.run(folder, running, LoopOptions.from(search), events);
                } finally {
                    running = null;
                    idle.release();
                }
            }

            @Override
            public boolean awaitReturn(java.time.Duration timeout) throws InterruptedException {
                if (!idle.tryAcquire(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
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
        });
    }

    @Override
    public Optional<RunControl> runControl(Study study) {
        return study instanceof StudyFolder folder ? Optional.of(runControl.of(folder)) : Optional.empty();
    }

    @Override
    public boolean runsActive(Study study) {
        return study instanceof StudyFolder folder && runControl.busy(folder);
    }

    /** Drains a host (or opens it again) for the open studies' runs at once; the settings keep it for the next ones. */
    public void drain(String host, boolean drain) {
        runControl.drain(host, drain);
    }

    /** Stops every study's runs (they are recorded as interrupted); call when the window closes. */
    @Override
    public void close() {
        runControl.close();
    }

    @Override
    public Optional<RunMonitor> runs(Study study) {
        return study instanceof StudyFolder folder ? Optional.of(new RunMonitor(folder)) : Optional.empty();
    }

    @Override
    public Optional<dev.groundwork.model.analytics.StudyAnalytics> analytics(Study study) {
        return study instanceof StudyFolder folder ? Optional.of(new dev.groundwork.model.analytics.StudyAnalytics(folder))
                : Optional.empty();
    }

    @Override
    public Optional<IdeaInbox> inbox(Study study) {
        if (!(study instanceof StudyFolder folder)) {
            return Optional.empty();
        }
        Implementer offline;
        try {
            offline = loops.offlineImplementer(folder).orElse(null); // refuses seeds the catalog could never implement
        } catch (IOException e) {
            offline = null; // an unreadable catalog is reported when the loop asks it for a patch
        }
        return Optional.of(new IdeaInbox(folder, loops.humanPatches(folder), new WindowIdeator(loops, folder), offline));
    }

    static String reviewer() {
        return System.getProperty("user.name", "human");
    }
}
