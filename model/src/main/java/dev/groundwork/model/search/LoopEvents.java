package dev.groundwork.model.search;

/** What the loop tells whoever watches it (the CLI's progress bar, the GUI's status bar); called from the loop's threads. */
public interface LoopEvents {

    /** The counts changed. */
    void progress(EpochProgress progress);

    /** Something a researcher should read: a gate is waiting, an idea could not be implemented, a budget ran out. */
    void note(String sentence);

    /** Events nobody listens to. */
    LoopEvents NONE = new LoopEvents() {
        @Override
        public void progress(EpochProgress progress) {}

        @Override
        public void note(String sentence) {}
    };
}
