package dev.groundwork.model.store;

import dev.groundwork.model.promotion.Promotion;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The baseline's promotions, oldest first: which idea's code became main, and from which run on it is the yardstick. */
public final class PromotionRepository {

    /** SQL for the id after which baseline runs ran the current baseline (0 before any promotion). */
    static final String CURRENT_BASELINE_AFTER = "(SELECT coalesce(max(after_run), 0) FROM promotions)";

    private final Database database;
    private final Clock clock;

    PromotionRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records a promotion whose commit is already on main; runs queued from now on run it.
     *
     * @throws IllegalStateException when runs are queued or running (they would be compared with the wrong baseline)
     */
    public Promotion add(long ideaId, long patchId, String fromCommit, String toCommit, Double previousReward,
                         double ideaReward, int epoch) {
        return database.write(connection -> {
            List<Long> active = Rows.list(connection, "SELECT id FROM runs WHERE status IN ('queued', 'starting',"
                    + " 'running') LIMIT 1", rows -> rows.getLong(1));
            if (!active.isEmpty()) {
                throw new IllegalStateException("run " + active.getFirst() + " is still queued or running");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO promotions (idea_id, patch_id,"
                    + " from_commit, to_commit, previous_reward, idea_reward, epoch, after_run, promoted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(id), 0) FROM runs), ?)")) {
                insert.setLong(1, ideaId);
                insert.setLong(2, patchId);
                insert.setString(3, fromCommit);
                insert.setString(4, toCommit);
                Rows.set(insert, 5, previousReward);
                insert.setDouble(6, ideaReward);
                insert.setInt(7, epoch);
                insert.setLong(8, clock.millis());
                insert.executeUpdate();
            }
            long id = Rows.lastId(connection);
            return Rows.list(connection, SELECT + " WHERE id = ?", PromotionRepository::map, id).getFirst();
        });
    }

    public List<Promotion> all() {
        return database.read(connection -> Rows.list(connection, SELECT + " ORDER BY id", PromotionRepository::map));
    }

    public Optional<Promotion> latest() {
        List<Promotion> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    private static final String SELECT = "SELECT id, idea_id, patch_id, from_commit, to_commit, previous_reward,"
            + " idea_reward, epoch, after_run, promoted_at FROM promotions";

    private static Promotion map(ResultSet rows) throws SQLException {
        return new Promotion(rows.getLong("id"), rows.getLong("idea_id"), rows.getLong("patch_id"),
                rows.getString("from_commit"), rows.getString("to_commit"), Rows.nullableDouble(rows, "previous_reward"),
                rows.getDouble("idea_reward"), rows.getInt("epoch"), rows.getLong("after_run"),
                Rows.instant(rows, "promoted_at"));
    }
}
