package dev.groundwork.model.intake;

/** Code a study cannot be made from, with the sentence that says what to do. */
public final class IntakeException extends Exception {

    public IntakeException(String sentence) {
        super(sentence);
    }

    public IntakeException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
