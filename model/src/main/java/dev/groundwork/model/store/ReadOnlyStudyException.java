package dev.groundwork.model.store;

/** A change was asked of a study opened read-only; the message says why it is read-only. */
public final class ReadOnlyStudyException extends StoreException {
    public ReadOnlyStudyException(String reason) {
        super("This study is open read-only, so nothing was changed: " + reason);
    }
}
