package dev.groundwork.model.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GPU leases as OS file locks, one file per host and GPU in the user's state folder ({@code leases/<host>/gpu-<id>.lock}):
 * a second Groundwork (another study, another terminal) cannot take a locked GPU, and a process that dies frees its
 * locks with it, so nothing is left stale. The file's text names the holder. Within this process (where the OS
 * would let a second lock of the same file through, or throw), a set of held keys answers first.
 */
public final class FileGpuLeases implements GpuLeases {

    private final Path dir;
    private final Set<String> heldHere = new HashSet<>();

    public FileGpuLeases(Path dir) {
        this.dir = dir;
    }

    @Override
    public synchronized Optional<Lease> tryAcquire(String host, List<Integer> gpuIds, String holder) {
        List<String> keys = gpuIds.stream().map(id -> host + "/gpu-" + id).toList();
        if (keys.stream().anyMatch(heldHere::contains)) {
            return Optional.empty();
        }
        List<FileLock> locks = new ArrayList<>();
        try {
            for (int id : gpuIds) {
                Optional<FileLock> lock = lock(host, id, holder);
                if (lock.isEmpty()) {
                    release(locks);
                    return Optional.empty();
                }
                locks.add(lock.get());
            }
        } catch (IOException e) {
            release(locks);
            throw new UncheckedIOException("Cannot record a GPU lease in " + dir + ": " + e.getMessage(), e);
        }
        heldHere.addAll(keys);
        return Optional.of(() -> {
            synchronized (this) {
                release(locks);
                keys.forEach(heldHere::remove);
            }
        });
    }

    /** Who holds a GPU, as its lock file says, or empty when it is free. */
    public Optional<String> holder(String host, int gpuId) throws IOException {
        Path file = file(host, gpuId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock();
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
        } catch (java.nio.channels.OverlappingFileLockException heldByThisProcess) {
            // held here: the text says by what
        }
        return Optional.of(Files.readString(file).strip());
    }

    private Optional<FileLock> lock(String host, int gpuId, String holder) throws IOException {
        Path file = file(host, gpuId);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        return Optional.of(lock);
    }

    private Path file(String host, int gpuId) {
        return dir.resolve(host).resolve("gpu-" + gpuId + ".lock");
    }

    private static void release(List<FileLock> locks) {
        for (FileLock lock : locks) {
            try {
                lock.release();
                lock.channel().close();
            } catch (IOException ignored) {
                // the channel is closed either way; the OS frees the lock with it
            }
        }
    }
}
