package dev.groundwork.model.run;

import dev.groundwork.model.common.WireNames;

/** Why a run did not succeed: its code crashed, it ran out of time or memory, the infrastructure failed, or someone cancelled it. */
public enum FailureClass {
    CODE, TIMEOUT, OOM, INFRA, CANCELLED, REWARD_INVALID;

    public String wireName() {
        return WireNames.of(this);
    }

    public static FailureClass fromWire(String wire) {
        return WireNames.parse(FailureClass.class, wire);
    }
}
