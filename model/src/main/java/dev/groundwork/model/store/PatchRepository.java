package dev.groundwork.model.store;

import dev.groundwork.model.patch.NewPatch;
import dev.groundwork.model.patch.Patch;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.patch.ReviewDecision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Patches (one per implementation attempt of an idea), their apply and pre-flight results, and review decisions. */
public final class PatchRepository {

    private static final String COLUMNS = "id, idea_id, attempt, diff, base_commit, parent_patch_id, author, status,"
            + " apply_report, preflight_report, commit_sha, decided_by, decided_at, decision_comment, created_at, updated_at,"
            + " applied_diff";

    private final Database database;
    private final Clock clock;

    public PatchRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records a diff as the idea's next attempt, in status draft. */
    public Patch add(NewPatch patch) {
        return database.write(connection -> {
            IdeaRepository.get(connection, patch.ideaId());
            long now = clock.millis();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO patches (idea_id, attempt, diff, base_commit, parent_patch_id, author, status, created_at,"
                            + " updated_at) VALUES (?, (SELECT coalesce(max(attempt), 0) + 1 FROM patches WHERE idea_id = ?),"
                            + " ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, patch.ideaId());
                insert.setLong(2, patch.ideaId());
                insert.setString(3, patch.diff());
                insert.setString(4, patch.baseCommit());
                Rows.set(insert, 5, patch.parentPatchId());
                insert.setString(6, patch.author());
                insert.setString(7, PatchStatus.DRAFT.wireName());
                insert.setLong(8, now);
                insert.setLong(9, now);
                insert.executeUpdate();
            }
            return get(connection, Rows.lastId(connection));
        });
    }

    public Optional<Patch> find(long id) {
        return database.read(connection -> find(connection, id));
    }

    public Patch get(long id) {
        return find(id).orElseThrow(() -> missing(id));
    }

    /** Every attempt for an idea, first attempt first. */
    public List<Patch> forIdea(long ideaId) {
        return database.read(connection -> query(connection,
                "SELECT " + COLUMNS + " FROM patches WHERE idea_id = ? ORDER BY attempt", ideaId));
    }

    public List<Patch> withStatus(PatchStatus status) {
        return database.read(connection -> query(connection,
                "SELECT " + COLUMNS + " FROM patches WHERE status = ? ORDER BY id", status.wireName()));
    }

    public List<Patch> all() {
        return database.read(connection -> query(connection, "SELECT " + COLUMNS + " FROM patches ORDER BY id"));
    }

    /** The patch engine applied the diff: its report, the diff as applied and the commit it made. */
    public Patch markApplied(long id, String applyReport, String appliedDiff, String commit) {
        return move(id, PatchStatus.APPLIED, "apply_report = ?, applied_diff = ?, commit_sha = ?", applyReport,
                appliedDiff, commit);
    }

    /** The diff did not apply; the report says why (and goes back to the implementer). */
    public Patch markApplyFailed(long id, String applyReport) {
        return move(id, PatchStatus.APPLY_FAILED, "apply_report = ?", applyReport);
    }

    /** The pre-flight (compile, smoke command) passed or failed; the report holds its output. */
    public Patch markPreflight(long id, boolean passed, String preflightReport) {
        return move(id, passed ? PatchStatus.PREFLIGHT_OK : PatchStatus.PREFLIGHT_FAILED, "preflight_report = ?",
                preflightReport);
    }

    /** A review decision: approved, rejected, or superseded by a newer attempt. */
    public Patch decide(long id, PatchStatus decision, ReviewDecision review) {
        if (decision != PatchStatus.APPROVED && decision != PatchStatus.REJECTED && decision != PatchStatus.SUPERSEDED) {
            throw new IllegalArgumentException("A review decides approved, rejected or superseded, not " + decision.wireName() + ".");
        }
        return move(id, decision, "decided_by = ?, decided_at = ?, decision_comment = ?",
                review.decidedBy(), review.decidedAt().toEpochMilli(), review.comment());
    }

    private Patch move(long id, PatchStatus target, String assignments, Object... values) {
        return database.write(connection -> {
            Patch patch = get(connection, id);
            patch.status().requireMoveTo(target, "Patch " + id);
            Object[] arguments = new Object[values.length + 3];
            arguments[0] = target.wireName();
            arguments[1] = clock.millis();
            System.arraycopy(values, 0, arguments, 2, values.length);
            arguments[arguments.length - 1] = id;
            Rows.update(connection, "UPDATE patches SET status = ?, updated_at = ?, " + assignments + " WHERE id = ?", arguments);
            return get(connection, id);
        });
    }

    static Patch get(Connection connection, long id) throws SQLException {
        return find(connection, id).orElseThrow(() -> missing(id));
    }

    private static Optional<Patch> find(Connection connection, long id) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM patches WHERE id = ?", id).stream().findFirst();
    }

    private static NoSuchElementException missing(long id) {
        return new NoSuchElementException("There is no patch " + id + " in this study.");
    }

    private static List<Patch> query(Connection connection, String sql, Object... arguments) throws SQLException {
        return List.copyOf(Rows.list(connection, sql, PatchRepository::map, arguments));
    }

    private static Patch map(ResultSet rows) throws SQLException {
        String decidedBy = rows.getString("decided_by");
        ReviewDecision decision = decidedBy == null ? null
                : new ReviewDecision(decidedBy, Rows.instant(rows, "decided_at"), rows.getString("decision_comment"));
        return new Patch(rows.getLong("id"), rows.getLong("idea_id"), rows.getInt("attempt"), rows.getString("diff"),
                rows.getString("base_commit"), Rows.nullableLong(rows, "parent_patch_id"), rows.getString("author"),
                PatchStatus.fromWire(rows.getString("status")), rows.getString("apply_report"),
                rows.getString("preflight_report"), rows.getString("commit_sha"), decision,
                Rows.instant(rows, "created_at"), Rows.instant(rows, "updated_at"), rows.getString("applied_diff"));
    }
}
