package dev.groundwork.model.store;

import dev.groundwork.model.ledger.LedgerEntry;
import dev.groundwork.model.ledger.LedgerScope;
import java.util.List;

/** LLM spend and GPU time summed per idea, per epoch and for the whole study; budgets are checked against these. */
public final class LedgerRepository {

    private final Database database;

    public LedgerRepository(Database database) {
        this.database = database;
    }

    public LedgerEntry study() {
        return database.read(connection -> Rows.list(connection, """
                SELECT (SELECT coalesce(sum(cost_usd), 0) FROM llm_calls), (SELECT coalesce(sum(gpu_seconds), 0) FROM runs),
                       (SELECT count(*) FROM llm_calls), (SELECT count(*) FROM runs)""",
                rows -> new LedgerEntry(LedgerScope.STUDY, 0, rows.getDouble(1), rows.getDouble(2), rows.getInt(3),
                        rows.getInt(4))).getFirst());
    }

    public LedgerEntry idea(long ideaId) {
        return database.read(connection -> Rows.list(connection, """
                SELECT (SELECT coalesce(sum(cost_usd), 0) FROM llm_calls WHERE idea_id = ?1),
                       (SELECT coalesce(sum(gpu_seconds), 0) FROM runs WHERE idea_id = ?1),
                       (SELECT count(*) FROM llm_calls WHERE idea_id = ?1), (SELECT count(*) FROM runs WHERE idea_id = ?1)""",
                rows -> new LedgerEntry(LedgerScope.IDEA, ideaId, rows.getDouble(1), rows.getDouble(2), rows.getInt(3),
                        rows.getInt(4)), ideaId).getFirst());
    }

    /** One entry per epoch that has spent anything, in epoch order. */
    public List<LedgerEntry> epochs() {
        return database.read(connection -> List.copyOf(Rows.list(connection, """
                SELECT epoch, sum(usd), sum(seconds), sum(calls), sum(runs) FROM (
                    SELECT epoch, cost_usd AS usd, 0 AS seconds, 1 AS calls, 0 AS runs FROM llm_calls
                    UNION ALL
                    SELECT epoch, 0, gpu_seconds, 0, 1 FROM runs
                ) GROUP BY epoch ORDER BY epoch""",
                rows -> new LedgerEntry(LedgerScope.EPOCH, rows.getLong(1), rows.getDouble(2), rows.getDouble(3),
                        rows.getInt(4), rows.getInt(5)))));
    }
}
