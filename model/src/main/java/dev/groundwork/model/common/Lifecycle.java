package dev.groundwork.model.common;

import java.util.Set;

/** A status enum whose values form a state machine: each status names the statuses it may move to. */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    /** The statuses this one may move to; empty for a final status. */
    Set<S> next();

    /** The lower-case, hyphenated name used in the database, the CLI and exports. */
    String wireName();

    default boolean canMoveTo(S target) {
        return next().contains(target);
    }

    default boolean isFinal() {
        return next().isEmpty();
    }

    /** Throws {@link IllegalTransitionException} unless this status may move to {@code target}. */
    @SuppressWarnings("unchecked")
    default void requireMoveTo(S target, String subject) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(subject, (S) this, target);
        }
    }
}
