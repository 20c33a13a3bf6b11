package dev.groundwork.model.review;

import dev.groundwork.model.patch.ApplyReports;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import java.time.Instant;

/**
 * What became of one patch, as a reviewer reads it: its status, who decided and when, their comment, and what the patch
 * engine or pre-flight said against it.
 *
 * @param decidedBy the reviewer, {@value #GROUNDWORK} for the loop's own verdicts, or empty while undecided
 * @param at        when it was decided, or else when it last changed
 * @param comment   the decision's comment (a rejection's reason, "edited in review", …), or empty
 * @param problem   why it did not apply or failed pre-flight, one paragraph, or empty
 */
public record PatchOutcome(PatchStatus status, String decidedBy, Instant at, String comment, String problem) {

    /** Who records the engine's and pre-flight's verdicts (as the loop does for retries). */
    public static final String GROUNDWORK = "groundwork";

    static PatchOutcome of(Patch patch) {
        String problem = problem(patch);
        if (patch.decision() != null) {
            return new PatchOutcome(patch.status(), patch.decision().decidedBy(), patch.decision().decidedAt(),
                    patch.decision().comment(), problem);
        }
        boolean failed = patch.status() == PatchStatus.APPLY_FAILED || patch.status() == PatchStatus.PREFLIGHT_FAILED;
        return new PatchOutcome(patch.status(), failed ? GROUNDWORK : "", patch.updatedAt(), "", problem);
    }

    /** The reason to show first: the reviewer's words, else the machine's. */
    public String reason() {
        return comment.isBlank() || decidedBy.equals(GROUNDWORK) && !problem.isBlank() ? problem : comment;
    }

    private static String problem(Patch patch) {
        if (patch.commit() == null && patch.applyReport() != null) {
            return "Did not apply: " + ApplyReports.summary(patch.applyReport());
        }
        boolean failedPreflight = patch.status() == PatchStatus.PREFLIGHT_FAILED
                || patch.decision() != null && patch.decision().comment().contains("failed pre-flight");
        if (failedPreflight && patch.preflightReport() != null) {
            return "Failed pre-flight: " + patch.preflightReport().strip();
        }
        return "";
    }
}
