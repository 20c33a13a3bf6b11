package dev.groundwork.model.study;

import dev.groundwork.model.spec.RewardSpec;
import dev.groundwork.model.spec.SpecEdit;
import dev.groundwork.model.spec.SpecEditor;
import dev.groundwork.model.spec.SpecException;
import dev.groundwork.model.spec.StudySpec;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.store.MetaRepository;
import dev.groundwork.model.store.StudyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An open study: its folder, its checked spec, its store and (when writable) its lock.
 *
 * <pre>
 * groundwork.yaml   the spec            groundwork.db   SQLite (WAL)
 * baseline/         git repository      runs/&lt;id&gt;/       workspace, log, artifacts
 * </pre>
 */
public final class StudyFolder implements Study {

    public static final String SPEC_FILE = "groundwork.yaml";
    public static final String DATABASE_FILE = "groundwork.db";
    public static final String RUNS_DIR = "runs";

    private final Path dir;
    private volatile StudySpec spec; // replaced by editSpec; readers see the old spec or the new one, whole
    private final StudyStore store;
    private final StudyLock lock; // null when read-only
    private final BaselineRepository baseline;

    StudyFolder(Path dir, StudySpec spec, StudyStore store, StudyLock lock) {
        this.dir = dir;
        this.spec = spec;
        this.store = store;
        this.lock = lock;
        this.baseline = new BaselineRepository(dir.resolve(spec.baseline().path()));
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Path dir() {
        return dir;
    }

    /**
     * The study's stable id (a UUID kept in its database), which hosts record on its runs so that a later Groundwork
     * finds them; a read-only study that has none gets one derived from its folder.
     */
    public synchronized String id() {
        Optional<String> stored = store.meta().get(MetaRepository.STUDY_ID);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (readOnlyReason().isPresent()) {
            return UUID.nameUUIDFromBytes(dir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)).toString();
        }
        String id = UUID.randomUUID().toString();
        store.meta().put(MetaRepository.STUDY_ID, id);
        return id;
    }

    public StudySpec spec() {
        return spec;
    }

    /**
     * Edits groundwork.yaml in place (comments and layout kept, see {@link SpecEditor}) and uses the new spec from
     * now on: the loop reads it when it next starts. The baseline folder stays the one the study was opened with.
     *
     * @throws SpecException         the edited spec would not load; the file is unchanged (the loader's sentences)
     * @throws IllegalStateException the study is read-only here
     */
    public synchronized StudySpec editSpec(List<SpecEdit> edits) throws SpecException, IOException {
        Optional<String> readOnly = readOnlyReason();
        if (readOnly.isPresent()) {
            throw new IllegalStateException(readOnly.get());
        }
        spec = SpecEditor.save(dir, edits);
        return spec;
    }

    public StudyStore store() {
        return store;
    }

    public BaselineRepository baseline() {
        return baseline;
    }

    public Path runsDir() {
        return dir.resolve(RUNS_DIR);
    }

    @Override
    public Optional<String> readOnlyReason() {
        return store.readOnlyReason();
    }

    @Override
    public StudyStatus status() {
        return store.status().status(spec.name(), spec.reward().goal() == RewardSpec.Goal.MAXIMIZE);
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
