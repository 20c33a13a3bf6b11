package dev.groundwork.app.gui;

import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.model.analytics.StudyAnalytics;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.monitor.RunMonitor;
import dev.groundwork.model.review.PatchReview;
import dev.groundwork.model.study.Study;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.runs.RunControl;
import dev.groundwork.views.shell.LoopRunner;
import dev.groundwork.views.shell.StudyDesks;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the window gives the study it has open: one {@link OpenStudy}, made when the pages first ask for the study and
 * closed when they ask for another one (the window has left it) or the window closes. A study whose loop or runs still
 * run is never closed by a question about another one: the window refuses to leave it, and until then the other study
 * gets no desks.
 */
public final class WindowDesks implements StudyDesks, AutoCloseable {

    private final LoopAssembly loops;
    private final Clock clock;
    private OpenStudy open;
    private boolean closed;

    public WindowDesks(LoopAssembly loops, Clock clock) {
        this.loops = loops;
        this.clock = clock;
    }

    /**
     * The open study's services, opening {@code study} (and closing the one open before) if it is another; empty for a
     * study that is not a folder, after the window closed, or while the one open still has runs going.
     */
    public synchronized Optional<OpenStudy> open(Study study) {
        if (closed || !(study instanceof StudyFolder folder)) {
            return Optional.empty();
        }
        if (open != null && open.study() == folder) {
            return Optional.of(open);
        }
        if (open != null) {
            if (open.busy()) {
                return Optional.empty();
            }
            open.close();
        }
        open = new OpenStudy(folder, loops, clock);
        return Optional.of(open);
    }

    @Override
    public Optional<PatchReview> review(Study study) {
        return part(study, OpenStudy::review);
    }

    @Override
    public Optional<IdeaInbox> inbox(Study study) {
        return part(study, OpenStudy::inbox);
    }

    @Override
    public Optional<LoopRunner> loop(Study study) {
        return part(study, OpenStudy::loop);
    }

    @Override
    public Optional<RunMonitor> runs(Study study) {
        return part(study, OpenStudy::runs);
    }

    @Override
    public Optional<StudyAnalytics> analytics(Study study) {
        return part(study, OpenStudy::analytics);
    }

    @Override
    public Optional<RunControl> runControl(Study study) {
        return part(study, OpenStudy::runControl);
    }

    @Override
    public synchronized boolean runsActive(Study study) {
        return open != null && open.study() == study && open.busy();
    }

    /** Drains a host (or opens it again) for the open study's runs at once; the settings keep it for the next ones. */
    public synchronized void drain(String host, boolean drain) {
        if (open != null) {
            open.drain(host, drain);
        }
    }

    /** Stops the open study's runs (they are recorded as interrupted) and its scheduler; call when the window closes. */
    @Override
    public synchronized void close() {
        closed = true;
        if (open != null) {
            open.close();
            open = null;
        }
    }

    private <T> Optional<T> part(Study study, Function<OpenStudy, T> part) {
        return open(study).map(part);
    }

    static String reviewer() {
        return System.getProperty("user.name", "human");
    }
}
