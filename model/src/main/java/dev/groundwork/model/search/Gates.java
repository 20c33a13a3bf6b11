package dev.groundwork.model.search;

import dev.groundwork.model.spec.GatesSpec;

/** Which approval points pass by themselves this time: the spec's gates, or all of them with --auto-approve. */
record Gates(boolean ideaAuto, boolean patchAuto, boolean launchAuto) {

    static Gates of(GatesSpec spec, boolean autoApprove) {
        return new Gates(autoApprove || spec.idea() == GatesSpec.Gate.AUTO,
                autoApprove || spec.patch() == GatesSpec.Gate.AUTO,
                autoApprove || spec.launch() == GatesSpec.Gate.AUTO);
    }

    static String decider(boolean autoApproved) {
        return autoApproved ? "auto-approve" : "gate";
    }
}
