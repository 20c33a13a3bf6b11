package dev.groundwork.model.study;

/**
 * A problem a user can cause or fix with a study folder (not a study, locked, damaged database, unknown template…).
 * The message is one sentence that says what to do.
 */
public class StudyException extends Exception {
    public StudyException(String message) {
        super(message);
    }

    public StudyException(String message, Throwable cause) {
        super(message, cause);
    }
}
