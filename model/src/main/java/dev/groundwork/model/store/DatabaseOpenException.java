package dev.groundwork.model.store;

/** The study's database cannot be opened as it is (written by a newer Groundwork, damaged…); the file was left untouched. */
public final class DatabaseOpenException extends Exception {
    public DatabaseOpenException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseOpenException(String message) {
        super(message);
    }
}
