package dev.groundwork.model.intake;

/** A file or folder of the source that does not become part of the baseline, and why. */
public record LeftOut(String path, Reason reason, long bytes) {

    public enum Reason {
        ENVIRONMENT("a virtual environment"),
        CACHE("a cache"),
        CHECKPOINT("checkpoints or run outputs"),
        TOO_LARGE("over the size limit"),
        LINK_OUTSIDE("a symbolic link that leads out of the code"),
        SUBMODULE("a git submodule"),
        SPECIAL("not a regular file"),
        CHOSEN("left out by you");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
