package dev.groundwork.model.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the settings file and saves changes to it, debounced: a burst of changes (typing in a form) costs one write.
 * Writes go to a temp file that replaces the old one, readable only by the user (it will hold API keys).
 */
public final class SettingsStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final long DEBOUNCE_MS = 300;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "groundwork-settings-saver");
        thread.setDaemon(true);
        return thread;
    });
    private AppSettings current;
    /** When the file was last read or written here: a newer file was written by another Groundwork (the CLI). */
    private java.nio.file.attribute.FileTime seen;
    private ScheduledFuture<?> pendingSave;

    public SettingsStore(Path file) {
        this.file = file;
        this.current = load(file, json);
        this.seen = modified(file);
    }

    private static AppSettings load(Path file, ObjectMapper json) {
        if (!Files.exists(file)) {
            return AppSettings.defaults();
        }
        try {
            return json.readValue(file.toFile(), AppSettings.class);
        } catch (IOException e) {
            // A broken settings file must not keep the app from starting; keep it aside for the user and start afresh.
            Path aside = file.resolveSibling(file.getFileName() + ".broken");
            LOG.warn("Settings file {} is unreadable ({}); moved it to {} and started with defaults.", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // still start with defaults
            }
            return AppSettings.defaults();
        }
    }

    /** The settings, read again first when another Groundwork saved them since (nothing of ours waits to be saved). */
    public synchronized AppSettings get() {
        refresh();
        return current;
    }

    /** Applies a change now and schedules the write. */
    public synchronized AppSettings update(UnaryOperator<AppSettings> change) {
        refresh(); // another process may have saved since: change its settings, never overwrite them
        current = change.apply(current);
        if (pendingSave != null) {
            pendingSave.cancel(false);
        }
        pendingSave = saver.schedule(this::save, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        return current;
    }

    /** Writes pending changes now. */
    public void flush() {
        ScheduledFuture<?> pending;
        synchronized (this) {
            pending = pendingSave;
            pendingSave = null;
        }
        if (pending != null && pending.cancel(false)) {
            save();
        }
    }

    private void save() {
        AppSettings snapshot = get();
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the profile folder is already private to the user
            }
            json.writeValue(temp.toFile(), snapshot);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            synchronized (this) {
                seen = modified(file);
            }
        } catch (IOException e) {
            LOG.error("Could not save settings to {}: {}", file, e.getMessage());
        }
    }

    private void refresh() {
        java.nio.file.attribute.FileTime now = modified(file);
        if (pendingSave == null && now != null && !now.equals(seen)) {
            current = load(file, json);
            seen = now;
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes what is pending and waits for a save already under way, so nothing writes the file after this. */
    @Override
    public void close() {
        flush();
        saver.shutdown();
        try {
            if (!saver.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Saving the settings to {} took more than 10 s; it goes on in the background.", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
