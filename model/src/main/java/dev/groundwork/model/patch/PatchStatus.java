package dev.groundwork.model.patch;

import dev.groundwork.model.common.Lifecycle;
import dev.groundwork.model.common.WireNames;
import java.util.Set;

/**
 * draft → applied | apply-failed; applied → preflight-ok | preflight-failed; preflight-ok → approved | rejected | superseded;
 * preflight-failed and apply-failed → rejected | superseded; approved → rejected when a person withdraws its idea before
 * it ran. {@code apply-failed} is ours (DESIGN.md has none): a patch that
 * does not apply must be visible as such, not folded into "rejected".
 */
public enum PatchStatus implements Lifecycle<PatchStatus> {
    DRAFT, APPLIED, APPLY_FAILED, PREFLIGHT_OK, PREFLIGHT_FAILED, APPROVED, REJECTED, SUPERSEDED;

    @Override
    public Set<PatchStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(APPLIED, APPLY_FAILED);
            case APPLIED -> Set.of(PREFLIGHT_OK, PREFLIGHT_FAILED);
            case PREFLIGHT_OK -> Set.of(APPROVED, REJECTED, SUPERSEDED);
            case PREFLIGHT_FAILED, APPLY_FAILED -> Set.of(REJECTED, SUPERSEDED);
            case APPROVED -> Set.of(REJECTED);
            case REJECTED, SUPERSEDED -> Set.of();
        };
    }

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    public static PatchStatus fromWire(String wire) {
        return WireNames.parse(PatchStatus.class, wire);
    }
}
