package dev.groundwork.model.store;

/** The database failed while the study was open (disk full, I/O error…); the message says what happened. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
