package dev.groundwork.model.study;

import dev.groundwork.model.status.StudyStatus;
import java.nio.file.Path;
import java.util.Optional;

/** An open study folder. Closing it releases its lock and its database. */
public interface Study extends AutoCloseable {

    /** The study's name from its spec. */
    String name();

    /** The study folder. */
    Path dir();

    /** True when another Groundwork process holds the study: nothing can be changed from here. */
    default boolean readOnly() {
        return readOnlyReason().isPresent();
    }

    /** Why the study was opened read-only, as a sentence for the user; empty when it is writable. */
    Optional<String> readOnlyReason();

    /** Counts, rewards and spend; reads the database (call it off the UI thread). */
    StudyStatus status();

    @Override
    void close();
}
