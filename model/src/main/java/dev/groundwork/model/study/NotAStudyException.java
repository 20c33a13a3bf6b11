package dev.groundwork.model.study;

/** The folder given is not a study (missing, or no {@code groundwork.yaml}), or a study cannot be created there. */
public final class NotAStudyException extends StudyException {

    private final java.nio.file.Path folder;

    public NotAStudyException(String message) {
        this(message, null);
    }

    /** @param folder the folder that holds no study, where a front end may offer to create one; null when not so */
    public NotAStudyException(String message, java.nio.file.Path folder) {
        super(message);
        this.folder = folder;
    }

    public java.util.Optional<java.nio.file.Path> folder() {
        return java.util.Optional.ofNullable(folder);
    }
}
