package dev.groundwork.model.run;

import dev.groundwork.model.common.Lifecycle;
import dev.groundwork.model.common.WireNames;
import java.util.Set;

/** queued → starting → running → succeeded | failed | timed-out | cancelled | lost (and the short cuts a crash or a cancel takes). */
public enum RunStatus implements Lifecycle<RunStatus> {
    QUEUED, STARTING, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, LOST;

    @Override
    public Set<RunStatus> next() {
        return switch (this) {
            case QUEUED -> Set.of(STARTING, CANCELLED);
            case STARTING -> Set.of(RUNNING, FAILED, CANCELLED, LOST);
            case RUNNING -> Set.of(SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, LOST);
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, LOST -> Set.of();
        };
    }

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    public boolean isActive() {
        return this == STARTING || this == RUNNING;
    }

    public static RunStatus fromWire(String wire) {
        return WireNames.parse(RunStatus.class, wire);
    }
}
