package dev.groundwork.model.store;

import java.util.Optional;

/** Small named values of the study's state (the current epoch, the loop's state), kept beside its records. */
public final class MetaRepository {

    public static final String EPOCH = "epoch";
    /** A random id given to a study when it first runs, written on its containers so that a restart finds them. */
    public static final String STUDY_ID = "study_id";

    private final Database database;

    public MetaRepository(Database database) {
        this.database = database;
    }

    public Optional<String> get(String key) {
        return database.read(connection -> Rows.list(connection, "SELECT value FROM study_meta WHERE key = ?",
                rows -> rows.getString(1), key).stream().findFirst());
    }

    public void put(String key, String value) {
        database.write(connection -> Rows.update(connection,
                "INSERT INTO study_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                key, value));
    }
}
