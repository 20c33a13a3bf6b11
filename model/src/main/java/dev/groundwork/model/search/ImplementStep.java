package dev.groundwork.model.search;

import dev.groundwork.model.patch.ApplyReports;
import dev.groundwork.model.agent.AgentException;
import dev.groundwork.model.agent.AgentUnavailableException;
import dev.groundwork.model.agent.ImplementationRequest;
import dev.groundwork.model.agent.ImplementationRequest.FailedAttempt;
import dev.groundwork.model.agent.Implementer;
import dev.groundwork.model.execution.Preflight;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.patch.ReviewDecision;
import dev.groundwork.model.spec.BaselineSpec;
import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.spec.SearchSpec;
import dev.groundwork.model.study.StudyFolder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Turns approved ideas into patches: the implementer writes a diff, the patch engine applies it (fixing what it can)
 * and commits it, pre-flight compiles it; on any failure the error and the previous diff go back to the implementer,
 * up to {@code agents.max_attempts}. Then the patch gate. Every step is persisted, so a resumed loop picks up each idea
 * where it was (a draft is applied, an applied patch pre-flighted) instead of starting over.
 */
final class ImplementStep {

    static final String ENGINE = "groundwork";

    private final StudyFolder study;
    private final StudyCode code;
    private final Implementer implementer;
    private final PatchPipeline pipeline;
    private final LoopEvents events;
    private final Clock clock;

    ImplementStep(StudyFolder study, StudyCode code, Implementer implementer, Preflight preflight, LoopEvents events,
                  Clock clock) {
        this.study = study;
        this.code = code;
        this.implementer = implementer;
        this.pipeline = new PatchPipeline(study, code, preflight, events);
        this.events = events;
        this.clock = clock;
    }

    /** Works every approved or half-implemented idea of the epoch as far as it goes without a person. */
    void run(int epoch, Gates gates, BooleanSupplier stop) throws IOException, AgentUnavailableException {
        for (Idea idea : study.store().ideas().inEpoch(epoch)) {
            if (stop.getAsBoolean()) {
                return;
            }
            if (idea.status() == IdeaStatus.APPROVED) {
                idea = study.store().ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTING);
            }
            if (idea.status() == IdeaStatus.IMPLEMENTING) {
                implement(idea);
            }
        }
        if (gates.patchAuto()) {
            for (Patch patch : study.store().patches().withStatus(PatchStatus.PREFLIGHT_OK)) {
                if (study.store().ideas().get(patch.ideaId()).epoch() == epoch) {
                    study.store().patches().decide(patch.id(), PatchStatus.APPROVED,
                            new ReviewDecision(Gates.AUTOMATIC, clock.instant(), "gates.patch is auto or --auto-approve"));
                }
            }
        }
    }

    private void implement(Idea idea) throws IOException, AgentUnavailableException {
        int maxAttempts = study.spec().agents().maxAttempts();
        while (true) {
            List<Patch> attempts = study.store().patches().forIdea(idea.id());
            Patch latest = attempts.isEmpty() ? null : attempts.getLast();
            PatchStatus status = latest == null ? null : latest.status();
            if (status == PatchStatus.DRAFT) {
                pipeline.apply(latest);
            } else if (status == PatchStatus.APPLIED) {
                pipeline.preflight(latest);
            } else if (status == PatchStatus.PREFLIGHT_OK) {
                study.store().ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTED);
                return;
            } else if (status == PatchStatus.APPLY_FAILED || status == PatchStatus.PREFLIGHT_FAILED) {
                if (attempts.size() >= maxAttempts) {
                    giveUp(idea, latest, attempts.size());
                    return;
                }
                study.store().patches().decide(latest.id(), PatchStatus.SUPERSEDED,
                        new ReviewDecision(ENGINE, clock.instant(), "failed " + failure(latest) + "; trying again"));
            } else if (latest == null || status == PatchStatus.SUPERSEDED || status == PatchStatus.REJECTED) {
                if (attempts.size() >= maxAttempts) {
                    giveUp(idea, latest, attempts.size());
                    return;
                }
                if (!attempt(idea, attempts, Optional.empty())) {
                    return;
                }
            } else {
                return; // approved: nothing left to implement
            }
        }
    }

    /**
     * Beyond the method: a run that crashed early gets one repair — its traceback goes to the implementer, whose new
     * patch goes through the same engine, pre-flight and patch gate as any other.
     */
    void repair(Idea idea, Patch crashed, String traceback) throws IOException, AgentUnavailableException {
        if (!implementer.revises()) {
            return;
        }
        Idea implementing = study.store().ideas().moveTo(idea.id(), IdeaStatus.IMPLEMENTING);
        events.note("Run of idea " + idea.id() + " \"" + idea.title() + "\" crashed early; asking "
                + implementer.displayName() + " for one repair with its traceback.");
        List<Patch> attempts = study.store().patches().forIdea(idea.id());
        if (attempt(implementing, attempts, Optional.of(traceback))) {
            implement(implementing);
        }
    }

    /** One implementer call; false when the implementer cannot do it at all (the idea is then unimplementable). */
    private boolean attempt(Idea idea, List<Patch> earlier, Optional<String> runFailure)
            throws IOException, AgentUnavailableException {
        Base base = base(idea);
        Map<String, String> editable = new LinkedHashMap<>();
        BaselineSpec baseline = study.spec().baseline();
        code.files(base.commit()).forEach((path, text) -> {
            if (baseline.isEditable(path) && !baseline.isProtected(path)) {
                editable.put(path, text);
            }
        });
        List<FailedAttempt> failures = new ArrayList<>();
        for (Patch patch : earlier) {
            if (patch.status() == PatchStatus.SUPERSEDED || patch.status() == PatchStatus.REJECTED) {
                failures.add(new FailedAttempt(patch.diff(), errorText(patch)));
            } else if (patch.status() == PatchStatus.APPROVED && runFailure.isPresent()) {
                failures.add(new FailedAttempt(patch.diff(), "The patch applied and passed pre-flight, but its run crashed;"
                        + " the traceback is below."));
            }
        }
        String diff;
        try {
            diff = implementer.implement(new ImplementationRequest(idea, editable, parentDiffs(idea), failures,
                    reviewerComment(earlier), runFailure));
        } catch (AgentUnavailableException e) {
            throw e; // the provider is down or refuses us: stop, and leave the idea as it is
        } catch (AgentException e) {
            events.note("Idea " + idea.id() + " \"" + idea.title() + "\" cannot be implemented: " + e.getMessage());
            study.store().ideas().moveTo(idea.id(), IdeaStatus.UNIMPLEMENTABLE);
            return false;
        }
        study.store().patches().add(new NewPatch(idea.id(), diff, base.commit(), base.parentPatchId(), implementer.author()));
        return true;
    }

    private void giveUp(Idea idea, Patch last, int attempts) {
        if (last != null && !last.status().isFinal()) {
            study.store().patches().decide(last.id(), PatchStatus.REJECTED,
                    new ReviewDecision(ENGINE, clock.instant(), "gave up after " + attempts + " attempts"));
        }
        study.store().ideas().moveTo(idea.id(), IdeaStatus.UNIMPLEMENTABLE);
        events.note("Idea " + idea.id() + " \"" + idea.title() + "\" is unimplementable: " + attempts
                + " attempt" + (attempts == 1 ? "" : "s") + " failed.");
    }

    /** The code an idea builds on: the baseline, or with code_base best-parent its best parent's approved patch. */
    private Base base(Idea idea) throws IOException {
        if (study.spec().search().codeBase() == SearchSpec.CodeBase.BEST_PARENT && !idea.parents().isEmpty()) {
            boolean higherIsBetter = study.spec().reward().goal() == RewardSpec.Goal.MAXIMIZE;
            Map<Long, Double> rewards = study.store().runs().bestRewardsByIdea(higherIsBetter);
            Comparator<Long> byReward = Comparator.comparingDouble(id -> rewards.getOrDefault(id,
                    higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY));
            Optional<Patch> best = idea.parents().stream()
                    .sorted(higherIsBetter ? byReward.reversed() : byReward)
                    .map(this::approvedPatch).flatMap(Optional::stream).findFirst();
            if (best.isPresent()) {
                return new Base(best.get().commit(), best.get().id());
            }
        }
        return new Base(code.mainCommit(), null);
    }

    private List<String> parentDiffs(Idea idea) {
        return idea.parents().stream().map(this::approvedPatch).flatMap(Optional::stream).map(Patch::diff).toList();
    }

    private Optional<Patch> approvedPatch(long ideaId) {
        return study.store().patches().forIdea(ideaId).stream()
                .filter(patch -> patch.status() == PatchStatus.APPROVED).reduce((first, second) -> second);
    }

    private static String failure(Patch patch) {
        return patch.status() == PatchStatus.APPLY_FAILED ? "to apply" : "pre-flight";
    }

    /** What a reviewer asked for when they sent the idea's last patch back to be regenerated. */
    private static Optional<String> reviewerComment(List<Patch> earlier) {
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Patch last = earlier.getLast();
        if (last.status() != PatchStatus.REJECTED || last.decision() == null
                || last.decision().decidedBy().equals(ENGINE) || last.decision().comment().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(last.decision().comment());
    }

    private static String errorText(Patch patch) {
        if (patch.status() == PatchStatus.REJECTED && patch.decision() != null && !patch.decision().decidedBy().equals(ENGINE)) {
            return "A reviewer rejected this patch: " + patch.decision().comment();
        }
        if (patch.preflightReport() != null && !patch.preflightReport().isBlank()) {
            return "The patch applied but failed pre-flight:\n" + patch.preflightReport();
        }
        return "The patch did not apply:\n" + ApplyReports.summary(patch.applyReport());
    }

    private record Base(String commit, Long parentPatchId) {}
}
