package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The patch engine: reads a diff as a model or a person wrote it, checks its paths against the study's rules, applies
 * it with bounded offset and fuzz, and says what it did. A bad diff is an outcome, never an exception.
 */
public final class PatchEngine {

    private final PathRules rules;
    private final PatchApplier applier;

    public PatchEngine(PathRules rules, ApplyOptions options) {
        this.rules = rules;
        this.applier = new PatchApplier(options);
    }

    public ApplyOutcome apply(String diff, BaseTree base) {
        ParsedPatch parsed;
        try {
            parsed = DiffParser.parse(diff);
            rules.check(parsed);
        } catch (PatchRejectedException e) {
            return new ApplyOutcome(ApplyReport.rejected(e.problems(), List.of()), List.of());
        }
        PatchApplier.Applied applied = applier.apply(parsed, base);
        List<String> notes = new ArrayList<>(parsed.notes());
        notes.addAll(applied.notes());
        if (!applied.ok()) {
            return new ApplyOutcome(new ApplyReport(ApplyReport.Verdict.FAILED, List.of(), notes, applied.files()),
                    List.of());
        }
        return new ApplyOutcome(new ApplyReport(ApplyReport.Verdict.APPLIED, List.of(), notes, applied.files()),
                applied.edits());
    }
}
