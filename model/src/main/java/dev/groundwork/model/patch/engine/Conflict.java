package dev.groundwork.model.patch.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.groundwork.model.common.WireNames;

/**
 * Why two patches do not combine.
 *
 * @param path the file concerned, or null when a whole patch failed
 */
public record Conflict(Kind kind, String path, String description) {

    public enum Kind {
        FIRST_DOES_NOT_APPLY, SECOND_DOES_NOT_APPLY, OVERLAP;

        @JsonValue
        public String wireName() {
            return WireNames.of(this);
        }

        @JsonCreator
        public static Kind fromWire(String wire) {
            return WireNames.parse(Kind.class, wire);
        }
    }
}
