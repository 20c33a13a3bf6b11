package dev.groundwork.model.common;

import java.util.stream.Collectors;

/** A state change the domain's state machines do not allow. Thrown before anything is changed. */
public final class IllegalTransitionException extends IllegalStateException {

    public <S extends Enum<S> & Lifecycle<S>> IllegalTransitionException(String subject, S from, S to) {
        super(message(subject, from, to));
    }

    private static <S extends Enum<S> & Lifecycle<S>> String message(String subject, S from, S to) {
        String allowed = from.next().isEmpty()
                ? "it is final"
                : "from " + from.wireName() + " it may only become "
                        + from.next().stream().map(Lifecycle::wireName).sorted().collect(Collectors.joining(", "));
        return subject + " cannot go from " + from.wireName() + " to " + to.wireName() + ": " + allowed + ".";
    }
}
