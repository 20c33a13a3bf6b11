package dev.groundwork.views.fakes;

import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Study;
import java.nio.file.Path;
import java.util.Optional;

/** A study that records being closed and how often its status was read. */
public final class FakeStudy implements Study {

    private final String name;
    private final Path dir;
    private final String readOnlyReason;
    private volatile StudyStatus status;
    private volatile int closes;
    private volatile int statusReads;
    private volatile RuntimeException statusFailure;

    public FakeStudy(String name, Path dir, String readOnlyReason, StudyStatus status) {
        this.name = name;
        this.dir = dir;
        this.readOnlyReason = readOnlyReason;
        this.status = status;
    }

    public static FakeStudy writable(String name, Path dir) {
        return new FakeStudy(name, dir, null, Statuses.sample(name));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    @Override
    public StudyStatus status() {
        statusReads++;
        if (statusFailure != null) {
            throw statusFailure;
        }
        return status;
    }

    /** Makes {@link #status()} fail as a broken database would. */
    public void failStatusWith(RuntimeException failure) {
        statusFailure = failure;
    }

    public void setStatus(StudyStatus status) {
        this.status = status;
    }

    @Override
    public void close() {
        closes++;
    }

    public boolean isClosed() {
        return closes > 0;
    }

    public int closes() {
        return closes;
    }

    public int statusReads() {
        return statusReads;
    }
}
