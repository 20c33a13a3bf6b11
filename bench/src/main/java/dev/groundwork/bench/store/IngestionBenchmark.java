package dev.groundwork.bench.store;

import dev.groundwork.model.run.MetricPoint;
import dev.groundwork.model.run.NewRun;
import dev.groundwork.model.store.DatabaseOpenException;
import dev.groundwork.model.store.MetricStore;
import dev.groundwork.model.store.StudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Metric ingestion through the store (appends of 1,000 points from the caller, drained by the writer thread) against the
 * best plain JDBC can do on the same schema: one connection, one transaction, batches of 10,000. Rounds alternate
 * between the two on fresh files so that drift on a shared machine hits both alike; the median of each is reported.
 */
public final class IngestionBenchmark {

    /** Points per second of each way, and their ratio. */
    public record Result(long points, double storeRate, double rawRate) {
        public double ratio() {
            return storeRate / rawRate;
        }
    }

    private static final int RUNS = 20;
    private static final String[] METRICS = {"train_loss", "val_loss"};
    private static final int APPEND_BATCH = 1_000;

    private final Path workDir;

    public IngestionBenchmark(Path workDir) {
        this.workDir = workDir;
    }

    public Result measure(long points, int rounds) throws IOException, DatabaseOpenException, SQLException {
        double[] store = new double[rounds];
        double[] raw = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            raw[round] = rawRate(points, freshFile("raw-" + round));
            store[round] = storeRate(points, freshFile("store-" + round));
        }
        return new Result(points, median(store), median(raw));
    }

    private double storeRate(long points, Path file) throws DatabaseOpenException {
        try (StudyStore store = StudyStore.openWritable(file, Clock.systemUTC())) {
            List<Long> runIds = runs(store);
            long stepsPerSeries = points / (RUNS * METRICS.length);
            MetricStore metrics = store.metrics();
            long start = System.nanoTime();
            List<MetricPoint> batch = new ArrayList<>(APPEND_BATCH);
            for (long runId : runIds) {
                for (String metric : METRICS) {
                    for (long step = 0; step < stepsPerSeries; step++) {
                        batch.add(new MetricPoint(runId, metric, step, 1.0 / (step + 1), step * 0.01));
                        if (batch.size() == APPEND_BATCH) {
                            metrics.append(batch);
                            batch.clear();
                        }
                    }
                }
            }
            metrics.append(batch);
            metrics.flush();
            return rate(runIds.size() * METRICS.length * stepsPerSeries, start);
        }
    }

    private double rawRate(long points, Path file) throws DatabaseOpenException, SQLException {
        List<Long> runIds;
        try (StudyStore store = StudyStore.openWritable(file, Clock.systemUTC())) {
            runIds = runs(store);
            store.metrics().append(List.of(new MetricPoint(runIds.getFirst(), METRICS[0], -1, 0, 0),
                    new MetricPoint(runIds.getFirst(), METRICS[1], -1, 0, 0))); // interns the names, as the store would
        }
        long stepsPerSeries = points / (RUNS * METRICS.length);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement pragmas = connection.createStatement()) {
            pragmas.execute("PRAGMA journal_mode = WAL");
            pragmas.execute("PRAGMA synchronous = NORMAL");
            pragmas.execute("PRAGMA cache_size = -64000");
            pragmas.execute("PRAGMA foreign_keys = ON");
            long start = System.nanoTime();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO metric_points (run_id, name_id, step, value, wall_time) VALUES (?, ?, ?, ?, ?)")) {
                int batched = 0;
                for (long runId : runIds) {
                    for (int name = 1; name <= METRICS.length; name++) {
                        for (long step = 0; step < stepsPerSeries; step++) {
                            insert.setLong(1, runId);
                            insert.setLong(2, name);
                            insert.setLong(3, step);
                            insert.setDouble(4, 1.0 / (step + 1));
                            insert.setDouble(5, step * 0.01);
                            insert.addBatch();
                            if (++batched == 10_000) {
                                insert.executeBatch();
                                batched = 0;
                            }
                        }
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            return rate(runIds.size() * METRICS.length * stepsPerSeries, start);
        }
    }

    private static List<Long> runs(StudyStore store) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ids.add(store.runs().queue(new NewRun(null, null, 0, null)).id());
        }
        return ids;
    }

    private Path freshFile(String name) throws IOException {
        Files.createDirectories(workDir);
        Path file = workDir.resolve(name + ".db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        return file;
    }

    private static double rate(long points, long startNanos) {
        return points / ((System.nanoTime() - startNanos) / 1e9);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Removes the benchmark's files. */
    public void cleanUp() throws IOException {
        if (Files.exists(workDir)) {
            try (Stream<Path> files = Files.list(workDir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
