package dev.groundwork.model.study;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Marks a study as held by one Groundwork process. An OS file lock, so a crashed process never leaves a stale lock;
 * the file's text says who holds it so that a second process can tell the user.
 */
public final class StudyLock implements AutoCloseable {

    static final String FILE = "groundwork.lock";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final FileChannel channel;
    private final FileLock lock;

    private StudyLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or says in one sentence who holds it. */
    public static Result acquire(Path studyDir) throws IOException {
        Path file = studyDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            channel.close();
            return new Result(null, "this Groundwork already has the study open in another window");
        }
        if (lock == null) {
            channel.close();
            return new Result(null, "another Groundwork (" + holder(file) + ") has it open; changes are possible there, not"
                    + " here");
        }
        String owner = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since " + TIME.format(Instant.now());
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new Result(new StudyLock(channel, lock), null);
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? "another process" : text;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the channel anyway
        }
    }

    /** Either the lock, or why it could not be had. */
    public record Result(StudyLock lock, String heldBy) {
        public Optional<StudyLock> acquired() {
            return Optional.ofNullable(lock);
        }
    }
}
