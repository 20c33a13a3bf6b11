package dev.groundwork.app.gui;

import dev.groundwork.model.monitor.RunRequests;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.search.LoopOptions;
import dev.groundwork.model.search.LoopOutcome;
import dev.groundwork.model.search.RunDispatcher;
import dev.groundwork.model.search.SearchLoop;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.views.runs.RunControl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Runs page's cancel, retry, run-again and slot map in the window, with one owner of a study's slots at a time.
 * While the window's loop runs (or runs it took from the page still run), everything goes to the loop's dispatcher;
 * otherwise to a dispatcher of the page's own, made on first use from the spec's target and concurrency. The loop does
 * not start while the page's runs hold slots: two dispatchers would put two runs on one slot, and a starting loop marks
 * every run it finds running as lost.
 */
public final class WindowRunControl implements AutoCloseable {

    private final Function<StudyFolder, RunDispatcher> dispatchers;
    private final Map<StudyFolder, Owner> owners = new ConcurrentHashMap<>();

    /** @param dispatchers the page's own dispatcher for a study (the spec's run target and concurrency, no loop) */
    public WindowRunControl(Function<StudyFolder, RunDispatcher> dispatchers) {
        this.dispatchers = dispatchers;
    }

    /** The Runs page's controls for a study. */
    public RunControl of(StudyFolder study) {
        Owner owner = owner(study);
        RunRequests requests = owner.requests;
        return new RunControl() {
            @Override
            public String cancel(long runId) {
                return owner.cancel(runId);
            }

            @Override
            public Run retry(long runId) {
                return owner.start(() -> requests.retry(runId));
            }

            @Override
            public Run runAgain(long runId) {
                return owner.start(() -> requests.runAgain(runId));
            }

            @Override
            public List<Host> hosts() {
                return owner.hosts();
            }
        };
    }

    /**
     * Runs the loop, which then owns the study's slots: cancels and retries go to it. Refuses with a sentence while
     * runs started from the Runs page (or by an earlier loop) still hold slots.
     */
    public LoopOutcome run(StudyFolder study, SearchLoop loop, LoopOptions options)
            throws IOException, InterruptedException {
        Owner owner = owner(study);
        String busy = owner.loopStarts(loop);
        if (busy != null) {
            return new LoopOutcome(LoopOutcome.Kind.BLOCKED, busy);
        }
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

    /** Stops the runs the page started (the window is closing); they are recorded as interrupted. */
    @Override
    public void close() {
        owners.values().forEach(Owner::stopPageRuns);
    }

    private Owner owner(StudyFolder study) {
        return owners.computeIfAbsent(study, Owner::new);
    }

    /** Who holds one study's slots: the loop while it runs or its runs do, else the page's own dispatcher. */
    private final class Owner {

        private final StudyFolder study;
        private final RunRequests requests;
        private SearchLoop loop;
        private boolean loopRunning;
        private RunDispatcher page;

        Owner(StudyFolder study) {
            this.study = study;
            this.requests = new RunRequests(study);
        }

        synchronized String loopStarts(SearchLoop next) {
            if ((page != null && page.busy()) || (loop != null && loop.dispatcher().busy())) {
                return "Runs started from the Runs page still hold the run slots; wait for them to end or cancel"
                        + " them there, then run the loop.";
            }
            loop = next;
            loopRunning = true;
            return null;
        }

        synchronized boolean busy() {
            return loopRunning || (loop != null && loop.dispatcher().busy()) || (page != null && page.busy());
        }

        synchronized void loopEnds() {
            loopRunning = false;
        }

        synchronized RunDispatcher current() {
            if (loop != null && (loopRunning || loop.dispatcher().busy())) {
                return loop.dispatcher();
            }
            if (page == null) {
                page = dispatchers.apply(study);
            }
            return page;
        }

        /** Queues a run and hands it to the slots' owner, in one step that a starting loop cannot come between. */
        synchronized Run start(Supplier<Run> queue) {
            RunDispatcher owner = current();
            Run queued = queue.get();
            try {
                owner.submit(queued);
            } catch (RuntimeException e) {
                // Not left queued where nobody would run it: the researcher can retry once the cause is fixed.
                owner.cancel(queued.id());
                throw e;
            }
            return queued;
        }

        String cancel(long runId) {
            Run before = study.store().runs().get(runId);
            List<RunDispatcher> holders = dispatchers();
            boolean cancelled = holders.stream().anyMatch(holder -> holder.cancel(runId));
            if (!cancelled && holders.isEmpty()) {
                cancelled = requests.cancelQueued(runId); // nothing runs here yet, so nothing can be starting it
            }
            if (cancelled) {
                return before.status().isActive() ? "Run " + runId + " is being stopped; it is recorded as cancelled."
                        : "Run " + runId + " is cancelled; it will not run.";
            }
            Run now = study.store().runs().get(runId);
            if (now.status().isFinal()) {
                throw new IllegalStateException("Run " + runId + " has already ended (" + now.status().wireName() + ").");
            }
            throw new IllegalStateException("Run " + runId + " is not running in this window: a Groundwork that stopped"
                    + " left it " + now.status().wireName() + ". Run the loop to mark it lost and stop what is left of it.");
        }

        /** The dispatchers that may hold a run: the loop's (running or not) and the page's, those that exist. */
        private synchronized List<RunDispatcher> dispatchers() {
            List<RunDispatcher> holders = new ArrayList<>();
            if (loop != null) {
                holders.add(loop.dispatcher());
            }
            if (page != null) {
                holders.add(page);
            }
            return holders;
        }

        List<RunControl.Host> hosts() {
            Map<String, List<RunControl.HostSlot>> hosts = new LinkedHashMap<>();
            for (RunDispatcher.SlotUse use : current().slotMap()) {
                hosts.computeIfAbsent(use.slot().host(), host -> new ArrayList<>())
                        .add(new RunControl.HostSlot(use.slot(), use.runId()));
            }
            return hosts.entrySet().stream().map(host -> new RunControl.Host(host.getKey(), host.getValue())).toList();
        }

        synchronized void stopPageRuns() {
            if (page != null) {
                page.stop();
            }
        }
    }
}
