package dev.groundwork.model.study;

/** The folder given is not a study (missing, or no {@code groundwork.yaml}), or a study cannot be created there. */
public final class NotAStudyException extends StudyException {
    public NotAStudyException(String message) {
        super(message);
    }
}
