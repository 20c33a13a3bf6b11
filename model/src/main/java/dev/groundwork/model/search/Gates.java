package dev.groundwork.model.search;

import dev.groundwork.model.spec.GatesSpec;

/** Which approval points pass by themselves this time: the spec's gates, or all of them with --auto-approve. */
record Gates(boolean ideaAuto, boolean patchAuto, boolean launchAuto) {

    static Gates of(GatesSpec spec, boolean autoApprove) {
        return new Gates(autoApprove || spec.idea() == GatesSpec.Gate.AUTO,
                autoApprove || spec.patch() == GatesSpec.Gate.AUTO,
                autoApprove || spec.launch() == GatesSpec.Gate.AUTO);
    }

    /** Who decided when a gate passed by itself, as recorded on the patch. */
    static final String AUTOMATIC = "groundwork (auto gate)";
}
