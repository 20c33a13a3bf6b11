package dev.groundwork.model.study;

import dev.groundwork.model.spec.SpecException;

/** The study's {@code groundwork.yaml} has mistakes; the message lists each as {@code file:line:col: field: sentence}. */
public final class InvalidSpecException extends StudyException {
    public InvalidSpecException(SpecException cause) {
        super(cause.getMessage(), cause);
    }
}
