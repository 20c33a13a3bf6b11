package dev.groundwork.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * Fills a study's (migrated, empty) database with a large synthetic history for benchmarks: ideas in epochs with
 * parents, one approved patch each, runs with rewards, and long metric series. Plain batched JDBC, seeded, fast.
 */
public final class SyntheticStudy {

    private SyntheticStudy() {}

    public static void fill(Path database, int ideas, int runs, long points) throws SQLException {
        Random random = new Random(42);
        long now = System.currentTimeMillis();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA cache_size = -64000");
            connection.setAutoCommit(false);
            int perEpoch = Math.max(1, ideas / 10);
            try (PreparedStatement idea = connection.prepareStatement("INSERT INTO ideas (id, epoch, origin, title, text,"
                    + " status, created_at, updated_at) VALUES (?, ?, 'llm-exploit', ?, 'synthetic', 'implemented', ?, ?)");
                 PreparedStatement parent = connection.prepareStatement(
                         "INSERT INTO idea_parents (child, parent, position) VALUES (?, ?, 0)");
                 PreparedStatement patch = connection.prepareStatement("INSERT INTO patches (id, idea_id, attempt, diff,"
                         + " author, status, created_at, updated_at) VALUES (?, ?, 1, 'diff', 'catalog', 'approved', ?, ?)")) {
                for (int id = 1; id <= ideas; id++) {
                    int epoch = (id - 1) / perEpoch;
                    idea.setInt(1, id);
                    idea.setInt(2, epoch);
                    idea.setString(3, "synthetic idea " + id);
                    idea.setLong(4, now);
                    idea.setLong(5, now);
                    idea.addBatch();
                    if (epoch > 0) {
                        parent.setInt(1, id);
                        parent.setInt(2, 1 + random.nextInt(epoch * perEpoch));
                        parent.addBatch();
                    }
                    patch.setInt(1, id);
                    patch.setInt(2, id);
                    patch.setLong(3, now);
                    patch.setLong(4, now);
                    patch.addBatch();
                }
                idea.executeBatch();
                parent.executeBatch();
                patch.executeBatch();
            }
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO runs (id, patch_id, idea_id, epoch, host,"
                    + " status, queued_at, started_at, ended_at, exit_code, reward, gpu_seconds, gpu_ids, reward_counts)"
                    + " VALUES (?, ?, ?, 0, 'local', 'succeeded', ?, ?, ?, 0, ?, ?, '0', ?)")) {
                for (int id = 1; id <= runs; id++) {
                    int ideaId = 1 + (id - 1) % ideas;
                    run.setInt(1, id);
                    run.setInt(2, ideaId);
                    run.setInt(3, ideaId);
                    run.setLong(4, now);
                    run.setLong(5, now);
                    run.setLong(6, now + 60_000);
                    run.setDouble(7, 2.0 + random.nextGaussian() * 0.1);
                    run.setDouble(8, 60);
                    run.setInt(9, id <= ideas ? 1 : 0); // an idea's first run counts; the ones after it are repeats
                    run.addBatch();
                }
                run.executeBatch();
            }
            statement.execute("INSERT INTO metric_names (id, name) VALUES (1, 'train_loss'), (2, 'val_loss')");
            long perRun = Math.max(1, points / runs);
            try (PreparedStatement point = connection.prepareStatement(
                    "INSERT INTO metric_points (run_id, name_id, step, value, wall_time) VALUES (?, ?, ?, ?, ?)")) {
                int batched = 0;
                for (int runId = 1; runId <= runs; runId++) {
                    for (long i = 0; i < perRun; i++) {
                        point.setInt(1, runId);
                        point.setInt(2, i % 2 == 0 ? 1 : 2);
                        point.setLong(3, i / 2);
                        point.setDouble(4, 3.0 / (1 + i));
                        point.setDouble(5, i * 0.05);
                        point.addBatch();
                        if (++batched == 10_000) {
                            point.executeBatch();
                            batched = 0;
                        }
                    }
                }
                point.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
