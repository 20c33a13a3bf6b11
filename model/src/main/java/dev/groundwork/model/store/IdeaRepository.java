package dev.groundwork.model.store;

import dev.groundwork.model.common.IllegalTransitionException;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.idea.IdeaOrigin;
import dev.groundwork.model.idea.IdeaStatus;
import dev.groundwork.model.idea.NewIdea;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Ideas, their parents, their status changes, and lineage queries over the parent graph. */
public final class IdeaRepository {

    private static final String COLUMNS =
            "i.id, i.epoch, i.origin, i.title, i.text, i.status, i.notes, i.score, i.prompt_call_id, i.created_at, i.updated_at";

    private final Database database;
    private final Clock clock;

    public IdeaRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records a proposed idea with its parents (which must exist). */
    public Idea propose(NewIdea idea) {
        return database.write(connection -> {
            long now = clock.millis();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ideas (epoch, origin, title, text, status, prompt_call_id, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, idea.epoch());
                insert.setString(2, idea.origin().wireName());
                insert.setString(3, idea.title());
                insert.setString(4, idea.text());
                insert.setString(5, IdeaStatus.PROPOSED.wireName());
                Rows.set(insert, 6, idea.promptCallId());
                insert.setLong(7, now);
                insert.setLong(8, now);
                insert.executeUpdate();
            }
            long id = Rows.lastId(connection);
            try (PreparedStatement parent = connection.prepareStatement(
                    "INSERT INTO idea_parents (child, parent, position) VALUES (?, ?, ?)")) {
                int position = 0;
                for (long parentId : idea.parents()) {
                    parent.setLong(1, id);
                    parent.setLong(2, parentId);
                    parent.setInt(3, position++);
                    parent.addBatch();
                }
                parent.executeBatch();
            }
            return get(connection, id);
        });
    }

    public Optional<Idea> find(long id) {
        return database.read(connection -> find(connection, id));
    }

    public Idea get(long id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("There is no idea " + id + " in this study."));
    }

    /** All ideas, oldest first. */
    public List<Idea> all() {
        return database.read(connection -> query(connection, "SELECT " + COLUMNS + " FROM ideas i ORDER BY i.id"));
    }

    public List<Idea> withStatus(IdeaStatus status) {
        return database.read(connection -> query(connection,
                "SELECT " + COLUMNS + " FROM ideas i WHERE i.status = ? ORDER BY i.id", status.wireName()));
    }

    public List<Idea> inEpoch(int epoch) {
        return database.read(connection -> query(connection,
                "SELECT " + COLUMNS + " FROM ideas i WHERE i.epoch = ? ORDER BY i.id", epoch));
    }

    /**
     * Moves an idea to {@code target}; throws {@link IllegalTransitionException} (changing nothing) when its state machine
     * does not allow it. The change is committed before this returns.
     */
    public Idea moveTo(long id, IdeaStatus target) {
        return database.write(connection -> {
            Idea idea = get(connection, id);
            idea.status().requireMoveTo(target, "Idea " + id);
            Rows.update(connection, "UPDATE ideas SET status = ?, updated_at = ? WHERE id = ?",
                    target.wireName(), clock.millis(), id);
            return get(connection, id);
        });
    }

    /** The researcher's notes and 1–5 score (null clears it). */
    public Idea annotate(long id, String notes, Integer score) {
        if (score != null && (score < 1 || score > 5)) {
            throw new IllegalArgumentException("A score is 1 to 5.");
        }
        return database.write(connection -> {
            get(connection, id);
            Rows.update(connection, "UPDATE ideas SET notes = ?, score = ?, updated_at = ? WHERE id = ?",
                    notes == null ? "" : notes, score, clock.millis(), id);
            return get(connection, id);
        });
    }

    /** Every idea the given one descends from (parents, their parents…), nearest first; each once. */
    public List<Idea> ancestors(long id) {
        return walk(id, "parent", "child", false);
    }

    /** Every idea that descends from the given one (children, their children…), nearest first; each once. */
    public List<Idea> descendants(long id) {
        return walk(id, "child", "parent", false);
    }

    /** The subtree rooted at {@code id}: the idea itself, then its descendants nearest first; empty when it does not exist. */
    public List<Idea> subtree(long id) {
        return walk(id, "child", "parent", true);
    }

    /**
     * Follows parent links from {@code id} with one recursive query: towards {@code to} ("parent" walks up, "child"
     * down), each idea once at its smallest depth, nearest first.
     */
    private List<Idea> walk(long id, String to, String from, boolean includeSelf) {
        String seed = includeSelf
                ? "SELECT id, 0 FROM ideas WHERE id = ?"
                : "SELECT " + to + ", 1 FROM idea_parents WHERE " + from + " = ?";
        return database.read(connection -> query(connection, """
                WITH RECURSIVE walk(id, depth) AS (
                    %s
                    UNION
                    SELECT p.%s, walk.depth + 1 FROM idea_parents p JOIN walk ON p.%s = walk.id
                )
                SELECT %s FROM ideas i JOIN (SELECT id, min(depth) AS depth FROM walk GROUP BY id) w ON w.id = i.id
                ORDER BY w.depth, i.id""".formatted(seed, to, from, COLUMNS), id));
    }

    /** Parent → children edges of the whole study, for drawing the lineage. */
    public Map<Long, List<Long>> children() {
        return database.read(connection -> {
            Map<Long, List<Long>> children = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT parent, child FROM idea_parents ORDER BY parent, child");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    children.computeIfAbsent(rows.getLong(1), key -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
            return children;
        });
    }

    static Idea get(Connection connection, long id) throws SQLException {
        return find(connection, id).orElseThrow(() -> new NoSuchElementException("There is no idea " + id + " in this study."));
    }

    static Optional<Idea> find(Connection connection, long id) throws SQLException {
        List<Idea> found = query(connection, "SELECT " + COLUMNS + " FROM ideas i WHERE i.id = ?", id);
        return found.stream().findFirst();
    }

    private static List<Idea> query(Connection connection, String sql, Object... arguments) throws SQLException {
        return withParents(connection, Rows.list(connection, sql, IdeaRepository::map, arguments));
    }

    private static Idea map(ResultSet rows) throws SQLException {
        return new Idea(rows.getLong("id"), rows.getInt("epoch"), IdeaOrigin.fromWire(rows.getString("origin")),
                rows.getString("title"), rows.getString("text"), List.of(), IdeaStatus.fromWire(rows.getString("status")),
                rows.getString("notes"), Rows.nullableInt(rows, "score"), Rows.nullableLong(rows, "prompt_call_id"),
                Rows.instant(rows, "created_at"), Rows.instant(rows, "updated_at"));
    }

    /** Fills in the parents of the listed ideas in one query (a single idea asks only for its own). */
    private static List<Idea> withParents(Connection connection, List<Idea> ideas) throws SQLException {
        if (ideas.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> parents = new HashMap<>();
        String sql = ideas.size() == 1
                ? "SELECT child, parent FROM idea_parents WHERE child = " + ideas.getFirst().id() + " ORDER BY position"
                : "SELECT child, parent FROM idea_parents ORDER BY child, position";
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                parents.computeIfAbsent(rows.getLong(1), key -> new ArrayList<>()).add(rows.getLong(2));
            }
        }
        return ideas.stream()
                .map(idea -> new Idea(idea.id(), idea.epoch(), idea.origin(), idea.title(), idea.text(),
                        parents.getOrDefault(idea.id(), List.of()), idea.status(), idea.notes(), idea.score(),
                        idea.promptCallId(), idea.createdAt(), idea.updatedAt()))
                .toList();
    }
}
