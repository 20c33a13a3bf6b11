package dev.groundwork.runners.docker;

/** An image could not be built or loaded; the message is a sentence that says what to do. */
public final class ImageBuildException extends Exception {

    public ImageBuildException(String sentence) {
        super(sentence);
    }

    public ImageBuildException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
