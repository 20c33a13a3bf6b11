package dev.groundwork.model.idea;

import dev.groundwork.model.common.Lifecycle;
import dev.groundwork.model.common.WireNames;
import java.util.Set;

/**
 * proposed → approved | rejected; approved → implementing; implementing → implemented | unimplementable.
 * An implemented idea may go back to implementing when its patch is regenerated with a reviewer's comment. An approved
 * or implemented idea that has not run may still be withdrawn (rejected) by a person.
 */
public enum IdeaStatus implements Lifecycle<IdeaStatus> {
    PROPOSED, APPROVED, REJECTED, IMPLEMENTING, IMPLEMENTED, UNIMPLEMENTABLE;

    @Override
    public Set<IdeaStatus> next() {
        return switch (this) {
            case PROPOSED -> Set.of(APPROVED, REJECTED);
            case APPROVED -> Set.of(IMPLEMENTING, REJECTED);
            case IMPLEMENTING -> Set.of(IMPLEMENTED, UNIMPLEMENTABLE);
            case IMPLEMENTED -> Set.of(IMPLEMENTING, REJECTED);
            case REJECTED, UNIMPLEMENTABLE -> Set.of();
        };
    }

    @Override
    public String wireName() {
        return WireNames.of(this);
    }

    public static IdeaStatus fromWire(String wire) {
        return WireNames.parse(IdeaStatus.class, wire);
    }
}
