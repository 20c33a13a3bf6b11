package dev.groundwork.model.store;

import dev.groundwork.model.common.Lifecycle;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.run.RunStatus;
import dev.groundwork.model.status.StudyStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The study at a glance, read in one snapshot; a handful of aggregate queries, independent of the metric volume. */
public final class StatusRepository {

    private final Database database;

    public StatusRepository(Database database) {
        this.database = database;
    }

    /**
     * @param higherIsBetter whether a larger reward is better (the spec's goal is maximize)
     */
    public StudyStatus status(String studyName, boolean higherIsBetter) {
        return database.read(connection -> new StudyStatus(
                studyName,
                epoch(connection),
                counts(connection, "ideas", IdeaStatus.values()),
                counts(connection, "patches", PatchStatus.values()),
                counts(connection, "runs", RunStatus.values()),
                baselineReward(connection),
                best(connection, higherIsBetter),
                scalar(connection, "SELECT coalesce(sum(cost_usd), 0) FROM llm_calls"),
                scalar(connection, "SELECT coalesce(sum(gpu_seconds), 0) FROM runs") / 3600.0));
    }

    private static int epoch(Connection connection) throws SQLException {
        List<String> stored = Rows.list(connection, "SELECT value FROM study_meta WHERE key = ?",
                rows -> rows.getString(1), MetaRepository.EPOCH);
        if (!stored.isEmpty()) {
            return Integer.parseInt(stored.getFirst());
        }
        return (int) scalar(connection, "SELECT coalesce(max(epoch), 0) FROM ideas");
    }

    /** "total" first, then every status in lifecycle order, zeros included, so the JSON keeps one shape. */
    private static <S extends Enum<S> & Lifecycle<S>> Map<String, Integer> counts(
            Connection connection, String table, S[] statuses) throws SQLException {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (var row : Rows.list(connection, "SELECT status, count(*) FROM " + table + " GROUP BY status",
                rows -> Map.entry(rows.getString(1), rows.getInt(2)))) {
            byStatus.put(row.getKey(), row.getValue());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("total", byStatus.values().stream().mapToInt(Integer::intValue).sum());
        for (S status : statuses) {
            counts.put(status.wireName(), byStatus.getOrDefault(status.wireName(), 0));
        }
        return counts;
    }

    private static Double baselineReward(Connection connection) throws SQLException {
        return Rows.list(connection, RunRepository.BASELINE_REWARD, rows -> rows.getDouble(1))
                .stream().findFirst().orElse(null);
    }

    private static StudyStatus.Best best(Connection connection, boolean higherIsBetter) throws SQLException {
        return Rows.list(connection, BEST.formatted(higherIsBetter ? "DESC" : "ASC"),
                        rows -> new StudyStatus.Best(rows.getLong(1), rows.getString(2), rows.getDouble(3), rows.getLong(4)))
                .stream().findFirst().orElse(null);
    }

    /** The best counting run of an idea's patch; {@code %s} is the order, {@code DESC} or {@code ASC}. */
    static final String BEST = "SELECT r.idea_id, i.title, r.reward, r.id FROM runs r JOIN ideas i ON i.id = r.idea_id"
            + " WHERE r.reward_counts = 1 AND r.idea_id IS NOT NULL AND r.reward IS NOT NULL AND r.patch_id IS NOT NULL"
            + " ORDER BY r.reward %s, r.id LIMIT 1";

    private static double scalar(Connection connection, String sql) throws SQLException {
        return Rows.list(connection, sql, rows -> rows.getDouble(1)).getFirst();
    }
}
