package dev.groundwork.model.store;

import dev.groundwork.model.run.MetricPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Metric series. Writers {@link #append} batches from any thread without waiting; the writer thread drains everything
 * queued so far in one transaction, so many small batches from several runs cost one commit. {@link #flush} waits until
 * all appended points are stored.
 */
public final class MetricStore {

    static final String INSERT_POINT =
            "INSERT OR REPLACE INTO metric_points (run_id, name_id, step, value, wall_time) VALUES (?, ?, ?, ?, ?)";

    private final Database database;
    private final ConcurrentLinkedQueue<List<MetricPoint>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Map<String, Long> nameIds = new HashMap<>(); // touched only on the writer thread
    private volatile RuntimeException backgroundFailure;       // a failed background drain, reported to the next caller

    public MetricStore(Database database) {
        this.database = database;
    }

    /** Queues points for writing and returns at once. */
    public void append(List<MetricPoint> points) {
        reportBackgroundFailure();
        if (points.isEmpty()) {
            return;
        }
        pending.add(List.copyOf(points));
        if (drainQueued.compareAndSet(false, true)) {
            database.writeLater(connection -> {
                try {
                    return drain(connection);
                } catch (SQLException | RuntimeException e) {
                    backgroundFailure = new StoreException("Storing metric points failed: " + Database.rootMessage(e) + ".", e);
                    throw e;
                }
            });
        }
    }

    /** Waits until every point appended before this call is in the database. */
    public void flush() {
        database.write(this::drain);
        reportBackgroundFailure();
    }

    private void reportBackgroundFailure() {
        RuntimeException failure = backgroundFailure;
        if (failure != null) {
            backgroundFailure = null;
            throw failure;
        }
    }

    private Void drain(Connection connection) throws SQLException {
        drainQueued.set(false);
        try {
            return insertPending(connection);
        } catch (SQLException | RuntimeException e) {
            nameIds.clear(); // names interned in the rolled-back transaction are gone
            throw e;
        }
    }

    private Void insertPending(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_POINT)) {
            int batched = 0;
            for (List<MetricPoint> batch; (batch = pending.poll()) != null; ) {
                for (MetricPoint point : batch) {
                    insert.setLong(1, point.runId());
                    insert.setLong(2, nameId(connection, point.name()));
                    insert.setLong(3, point.step());
                    insert.setDouble(4, point.value());
                    insert.setDouble(5, point.wallTime());
                    insert.addBatch();
                    if (++batched == 10_000) {
                        insert.executeBatch();
                        batched = 0;
                    }
                }
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
        return null;
    }

    private long nameId(Connection connection, String name) throws SQLException {
        Long id = nameIds.get(name);
        if (id == null) {
            id = internName(connection, name);
            nameIds.put(name, id);
        }
        return id;
    }

    /** The id of a metric name, adding the name when it is new. */
    static long internName(Connection connection, String name) throws SQLException {
        Rows.update(connection, "INSERT OR IGNORE INTO metric_names (name) VALUES (?)", name);
        return Rows.list(connection, "SELECT id FROM metric_names WHERE name = ?", rows -> rows.getLong(1), name).getFirst();
    }

    /** One metric of one run, in step order. */
    public List<MetricPoint> series(long runId, String name) {
        return database.read(connection -> List.copyOf(Rows.list(connection,
                "SELECT p.step, p.value, p.wall_time FROM metric_points p JOIN metric_names n ON n.id = p.name_id"
                        + " WHERE p.run_id = ? AND n.name = ? ORDER BY p.step",
                rows -> new MetricPoint(runId, name, rows.getLong(1), rows.getDouble(2), rows.getDouble(3)), runId, name)));
    }

    /** The names of the metrics a run has reported, alphabetically. */
    public List<String> names(long runId) {
        return database.read(connection -> List.copyOf(Rows.list(connection,
                "SELECT DISTINCT n.name FROM metric_points p JOIN metric_names n ON n.id = p.name_id WHERE p.run_id = ?"
                        + " ORDER BY n.name",
                rows -> rows.getString(1), runId)));
    }

    /** The highest step a run has reported in any metric, or empty before its first point (for its progress). */
    public OptionalLong lastStep(long runId) {
        return database.read(connection -> {
            List<Long> steps = Rows.list(connection, "SELECT max(step) FROM metric_points WHERE run_id = ?",
                    rows -> rows.getObject(1) == null ? null : rows.getLong(1), runId);
            Long step = steps.isEmpty() ? null : steps.getFirst();
            return step == null ? OptionalLong.empty() : OptionalLong.of(step);
        });
    }

    /** How many points a run has, over all its metrics. */
    public long count(long runId) {
        return database.read(connection -> Rows.list(connection, "SELECT count(*) FROM metric_points WHERE run_id = ?",
                rows -> rows.getLong(1), runId).getFirst());
    }

    /** Receives points one at a time; see {@link #forEachPoint}. */
    @FunctionalInterface
    public interface PointSink {
        void accept(long runId, String name, long step, double value, double wallTime) throws java.io.IOException;
    }

    /**
     * Every point of the study, streamed in the primary key's order (run, metric, step) without holding them in memory:
     * a study can hold tens of millions. A sink's {@link java.io.IOException} ends the read and is rethrown unchecked.
     */
    public void forEachPoint(PointSink sink) {
        database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(ALL_POINTS);
                 java.sql.ResultSet rows = select.executeQuery()) {
                select.setFetchSize(10_000);
                while (rows.next()) {
                    sink.accept(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getDouble(4), rows.getDouble(5));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    static final String ALL_POINTS = "SELECT p.run_id, n.name, p.step, p.value, p.wall_time FROM metric_points p"
            + " JOIN metric_names n ON n.id = p.name_id ORDER BY p.run_id, p.name_id, p.step";
}
