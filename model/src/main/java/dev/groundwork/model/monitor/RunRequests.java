package dev.groundwork.model.monitor;

import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.run.Reproducibility;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.spec.RunSpec;
import dev.groundwork.model.study.StudyFolder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person asks of finished runs on the Runs page: <b>retry</b> one that did not succeed, or <b>run again</b> one
 * that did, to measure noise. Each queues one new run of the same patch (of the baseline, for a baseline run) in the same
 * epoch; whoever holds the study's slots then runs it (docs/loop.md). Nothing here changes how rewards count: a patch's
 * reward is its first successful run's, so a repeat is visible as such and never picks the best of several draws.
 * Refusals are {@link IllegalStateException}s whose message says what to do instead.
 */
public final class RunRequests {

    private final StudyFolder study;

    public RunRequests(StudyFolder study) {
        this.study = study;
    }

    /** Queues one more run of a failed, timed-out, cancelled or lost run's patch. */
    public Run retry(long runId) {
        Run run = study.store().runs().get(runId);
        switch (run.status()) {
            case SUCCEEDED -> throw new IllegalStateException("Run " + runId + " succeeded; use Run again to repeat it"
                    + " and measure noise.");
            case QUEUED, STARTING, RUNNING -> throw new IllegalStateException(notEnded(run));
            default -> { }
        }
        List<Run> siblings = siblings(run);
        Optional<Run> pending = siblings.stream().filter(other -> !other.status().isFinal()).findFirst();
        if (pending.isPresent()) {
            throw new IllegalStateException("Run " + pending.get().id() + " of the same " + subject(run) + " is "
                    + pending.get().status().wireName() + " already; wait for it, or cancel it and retry.");
        }
        Optional<Run> succeeded = siblings.stream().filter(other -> other.status() == RunStatus.SUCCEEDED).findFirst();
        if (succeeded.isPresent()) {
            throw new IllegalStateException("Run " + succeeded.get().id() + " of the same " + subject(run) + " succeeded"
                    + " already; use Run again on it to measure noise.");
        }
        return queueLike(run);
    }

    /** Queues a repeat of a succeeded run: the same patch again, whose reward shows beside the first and never counts. */
    public Run runAgain(long runId) {
        Run run = study.store().runs().get(runId);
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException(run.status().isFinal()
                    ? "Run " + runId + " did not succeed (" + run.status().wireName() + "); use Retry to run it again."
                    : notEnded(run));
        }
        return queueLike(run);
    }

    /**
     * Cancels a queued run that no dispatcher holds (none runs in this process): recorded {@code cancelled} with failure
     * class {@code cancelled}. Returns false when the run is not queued.
     */
    public boolean cancelQueued(long runId) {
        if (study.store().runs().get(runId).status() != RunStatus.QUEUED) {
            return false;
        }
        study.store().runs().finish(runId, RunStatus.CANCELLED, null, FailureClass.CANCELLED, null);
        return true;
    }

    private Run queueLike(Run run) {
        if (run.patchId() != null && study.store().patches().get(run.patchId()).commit() == null) {
            throw new IllegalStateException("Patch " + run.patchId() + " has no commit to run.");
        }
        RunSpec spec = study.spec().run();
        Reproducibility repro = new Reproducibility(spec.command(), List.copyOf(spec.env().keySet()),
                spec.seed().isPresent() ? spec.seed().getAsLong() : null, null, null);
        return study.store().runs().queue(new NewRun(run.patchId(), run.ideaId(), run.epoch(), repro));
    }

    private List<Run> siblings(Run run) {
        List<Run> all = run.patchId() == null ? study.store().runs().baselineRuns()
                : study.store().runs().forPatch(run.patchId());
        return all.stream().filter(other -> other.id() != run.id() && Objects.equals(other.patchId(), run.patchId())
                && Objects.equals(other.ideaId(), run.ideaId())).toList();
    }

    private static String subject(Run run) {
        return run.patchId() == null ? "baseline" : "patch";
    }

    private static String notEnded(Run run) {
        return "Run " + run.id() + " is " + run.status().wireName() + "; it can be retried or repeated once it has ended.";
    }
}
