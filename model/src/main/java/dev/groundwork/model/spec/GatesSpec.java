package dev.groundwork.model.spec;

import java.util.Objects;

/** Where the loop waits for a person: before implementing an idea, before running a patch, before launching a run. */
public record GatesSpec(Gate idea, Gate patch, Gate launch) {

    public static final GatesSpec DEFAULT = new GatesSpec(Gate.AUTO, Gate.MANUAL, Gate.AUTO);

    /** AUTO passes everything on; MANUAL waits for a person to approve or reject. */
    public enum Gate { AUTO, MANUAL }

    public GatesSpec {
        Objects.requireNonNull(idea, "idea");
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(launch, "launch");
    }
}
