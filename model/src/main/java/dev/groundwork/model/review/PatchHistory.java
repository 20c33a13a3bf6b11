package dev.groundwork.model.review;

import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.study.StudyFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The patches that no longer wait for a decision, and every attempt at one idea. Reads the database only. */
final class PatchHistory {

    /** Decided by a person or the loop, or turned down by the patch engine or pre-flight. */
    private static final Set<PatchStatus> DECIDED = EnumSet.of(PatchStatus.APPROVED, PatchStatus.REJECTED,
            PatchStatus.SUPERSEDED, PatchStatus.APPLY_FAILED, PatchStatus.PREFLIGHT_FAILED);

    private final StudyFolder study;

    PatchHistory(StudyFolder study) {
        this.study = study;
    }

    /** Newest decision first. */
    List<PatchReview.Decided> decided() {
        Map<Long, Idea> ideas = study.store().ideas().all().stream().collect(Collectors.toMap(Idea::id, Function.identity()));
        List<PatchReview.Decided> decided = new ArrayList<>();
        for (PatchStatus status : DECIDED) {
            for (Patch patch : study.store().patches().withStatus(status)) {
                Idea idea = ideas.get(patch.ideaId());
                decided.add(new PatchReview.Decided(PatchReview.Item.of(patch, idea), PatchOutcome.of(patch)));
            }
        }
        decided.sort(Comparator.comparing((PatchReview.Decided each) -> each.outcome().at())
                .thenComparingLong(each -> each.item().patchId()).reversed());
        return decided;
    }

    /** Attempt 1 first. */
    List<PatchReview.Attempt> attempts(long ideaId) {
        return study.store().patches().forIdea(ideaId).stream()
                .map(patch -> new PatchReview.Attempt(patch.id(), patch.attempt(), patch.author(), PatchOutcome.of(patch),
                        patch.commit() != null))
                .toList();
    }
}
