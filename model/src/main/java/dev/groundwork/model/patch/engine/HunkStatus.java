package dev.groundwork.model.patch.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.groundwork.model.common.WireNames;

/** What became of one hunk. Fuzz wins over offset when both apply (the offset is in the report either way). */
public enum HunkStatus {
    APPLIED, APPLIED_WITH_OFFSET, APPLIED_WITH_FUZZ, FAILED;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static HunkStatus fromWire(String wire) {
        return WireNames.parse(HunkStatus.class, wire);
    }
}
