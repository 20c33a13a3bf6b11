package dev.groundwork.model.store;

import dev.groundwork.model.history.Bucket;
import dev.groundwork.model.history.PatchFact;
import dev.groundwork.model.history.RunFact;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The study in bulk, for the Analytics and Lineage pages: a few whole-table reads of narrow columns (no diff, log or
 * prompt text) and metric series thinned in SQL. Never one query per run or idea, so that a study of 10k ideas, 20k
 * runs and 10M points reads in well under a second; {@code QueryPlansTest} keeps these queries index-driven.
 */
public final class AnalyticsRepository {

    static final String RUNS = "SELECT id, idea_id, patch_id, epoch, status, failure_class, reward, reward_counts,"
            + " gpu_seconds, started_at, ended_at FROM runs ORDER BY id";

    static final String PATCHES = "SELECT id, idea_id, attempt, author, status, parent_patch_id, commit_sha, base_commit,"
            + " decided_by, decided_at, decision_comment FROM patches ORDER BY idea_id, attempt";

    static final String IDEA_COSTS = "SELECT idea_id, sum(cost_usd) FROM llm_calls WHERE idea_id IS NOT NULL GROUP BY idea_id";

    static final String EPOCH_COSTS = "SELECT epoch, sum(cost_usd) FROM llm_calls GROUP BY epoch";

    /** The steps one run reported for one metric: two probes of the primary key. */
    static final String STEP_RANGE = "SELECT min(step), max(step) FROM metric_points WHERE run_id = ? AND name_id = ?";

    /**
     * One run's metric in at most {@code ?3} buckets of the steps {@code ?2}…{@code ?2 + ?4 - 1}: grouped in one pass over
     * the run's primary-key range, then each bucket's first and last point fetched by its key.
     */
    static final String BUCKETS = """
            SELECT g.first_step, f.value, f.wall_time, g.last_step, l.value, l.wall_time, g.lo, g.hi, g.n
              FROM (SELECT (step - ?2) * ?3 / ?4 AS bucket, min(step) AS first_step, max(step) AS last_step,
                           min(value) AS lo, max(value) AS hi, count(*) AS n
                      FROM metric_points WHERE run_id = ?1 AND name_id = ?5 AND step BETWEEN ?2 AND ?2 + ?4 - 1
                     GROUP BY bucket) g
              JOIN metric_points f ON f.run_id = ?1 AND f.name_id = ?5 AND f.step = g.first_step
              JOIN metric_points l ON l.run_id = ?1 AND l.name_id = ?5 AND l.step = g.last_step
             ORDER BY g.first_step""";

    /** The metrics a run reported: one primary-key probe per metric name, never a read of the run's points. */
    static final String NAMES = "SELECT n.name FROM metric_names n WHERE EXISTS"
            + " (SELECT 1 FROM metric_points p WHERE p.run_id = ? AND p.name_id = n.id) ORDER BY n.name";

    private final Database database;

    public AnalyticsRepository(Database database) {
        this.database = database;
    }

    /** Every run, oldest first. */
    public List<RunFact> runs() {
        return database.read(connection -> List.copyOf(Rows.list(connection, RUNS, rows -> new RunFact(rows.getLong(1),
                Rows.nullableLong(rows, "idea_id"), Rows.nullableLong(rows, "patch_id"), rows.getInt(4), rows.getString(5),
                rows.getString(6), Rows.nullableDouble(rows, "reward"), rows.getInt(8) == 1, rows.getDouble(9),
                Rows.nullableLong(rows, "started_at"), Rows.nullableLong(rows, "ended_at")))));
    }

    /** Every patch, by idea and attempt. */
    public List<PatchFact> patches() {
        return database.read(connection -> List.copyOf(Rows.list(connection, PATCHES, rows -> new PatchFact(
                rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getString(4), rows.getString(5),
                Rows.nullableLong(rows, "parent_patch_id"), rows.getString(7), rows.getString(8), rows.getString(9),
                Rows.nullableLong(rows, "decided_at"), rows.getString(11)))));
    }

    /** LLM dollars spent on each idea (proposing and implementing it), by idea id. */
    public Map<Long, Double> llmUsdByIdea() {
        return database.read(connection -> sums(connection, IDEA_COSTS));
    }

    /** LLM dollars spent in each epoch, by epoch. */
    public Map<Long, Double> llmUsdByEpoch() {
        return database.read(connection -> sums(connection, EPOCH_COSTS));
    }

    private static Map<Long, Double> sums(Connection connection, String sql) throws SQLException {
        Map<Long, Double> sums = new HashMap<>();
        for (var row : Rows.list(connection, sql, rows -> Map.entry(rows.getLong(1), rows.getDouble(2)))) {
            sums.put(row.getKey(), row.getValue());
        }
        return sums;
    }

    /** The metric names the runs reported, alphabetically. */
    public List<String> metricNames(List<Long> runIds) {
        return database.read(connection -> {
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            for (long runId : runIds) {
                names.addAll(Rows.list(connection, NAMES, rows -> rows.getString(1), runId));
            }
            return List.copyOf(names);
        });
    }

    /**
     * One metric of several runs, each thinned to at most {@code buckets} buckets over the steps all of them span, so
     * that the buckets of different runs line up; a run without the metric is left out. Reads each run's points once,
     * in its primary key's order, and returns a few thousand rows however long the series are.
     */
    public Map<Long, List<Bucket>> series(List<Long> runIds, String name, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("A series needs at least one bucket, not " + buckets + ".");
        }
        return database.read(connection -> {
            List<Long> ids = Rows.list(connection, "SELECT id FROM metric_names WHERE name = ?", rows -> rows.getLong(1), name);
            if (ids.isEmpty()) {
                return Map.of();
            }
            long nameId = ids.getFirst();
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            List<Long> present = new ArrayList<>();
            for (long runId : runIds) {
                List<long[]> range = Rows.list(connection, STEP_RANGE, rows -> rows.getObject(1) == null ? null
                        : new long[] {rows.getLong(1), rows.getLong(2)}, runId, nameId);
                if (!range.isEmpty() && range.getFirst() != null) {
                    lo = Math.min(lo, range.getFirst()[0]);
                    hi = Math.max(hi, range.getFirst()[1]);
                    present.add(runId);
                }
            }
            Map<Long, List<Bucket>> series = new LinkedHashMap<>();
            for (long runId : present) {
                series.put(runId, List.copyOf(Rows.list(connection, BUCKETS, rows -> new Bucket(rows.getLong(1),
                        rows.getDouble(2), rows.getDouble(3), rows.getLong(4), rows.getDouble(5), rows.getDouble(6),
                        rows.getDouble(7), rows.getDouble(8), rows.getInt(9)), runId, lo, buckets, hi - lo + 1, nameId)));
            }
            return Collections.unmodifiableMap(series);
        });
    }
}
