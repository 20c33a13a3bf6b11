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
    private ScheduledFuture<?> pendingSave;

    public SettingsStore(Path file) {
        this.file = file;
        this.current = load(file, json);
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

    public synchronized AppSettings get() {
        return current;
    }

    /** Applies a change now and schedules the write. */
    public synchronized AppSettings update(UnaryOperator<AppSettings> change) {
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
        } catch (IOException e) {
            LOG.error("Could not save settings to {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        flush();
        saver.shutdown();
    }
}
