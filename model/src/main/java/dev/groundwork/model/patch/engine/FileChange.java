package dev.groundwork.model.patch.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.groundwork.model.common.WireNames;

/** What a patch does to a file as a whole. */
public enum FileChange {
    MODIFIED, CREATED, DELETED;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static FileChange fromWire(String wire) {
        return WireNames.parse(FileChange.class, wire);
    }
}
