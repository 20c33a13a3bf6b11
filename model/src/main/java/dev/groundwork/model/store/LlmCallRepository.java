package dev.groundwork.model.store;

import dev.groundwork.model.llm.LlmCall;
import dev.groundwork.model.llm.LlmCallLog;
import dev.groundwork.model.llm.LlmRole;
import dev.groundwork.model.llm.NewLlmCall;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The audit trail of LLM calls: prompts, answers, tokens, cost and latency. */
public final class LlmCallRepository implements LlmCallLog {

    private static final String COLUMNS = "id, role, provider, model, idea_id, epoch, tokens_in, tokens_out, cost_usd,"
            + " latency_ms, prompt, response, error, created_at";

    private final Database database;
    private final Clock clock;

    public LlmCallRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public LlmCall record(NewLlmCall call) {
        return database.write(connection -> {
            Rows.update(connection, "INSERT INTO llm_calls (role, provider, model, idea_id, epoch, tokens_in, tokens_out,"
                            + " cost_usd, latency_ms, prompt, response, error, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    call.role().wireName(), call.provider(), call.model(), call.ideaId(), call.epoch(), call.tokensIn(),
                    call.tokensOut(), call.costUsd(), call.latencyMs(), nullToEmpty(call.prompt()),
                    nullToEmpty(call.response()), call.error(), clock.millis());
            long id = Rows.lastId(connection);
            return Rows.list(connection, "SELECT " + COLUMNS + " FROM llm_calls WHERE id = ?", LlmCallRepository::map, id)
                    .getFirst();
        });
    }

    public Optional<LlmCall> find(long id) {
        return database.read(connection -> Rows.list(connection, "SELECT " + COLUMNS + " FROM llm_calls WHERE id = ?",
                LlmCallRepository::map, id).stream().findFirst());
    }

    public List<LlmCall> all() {
        return database.read(connection -> List.copyOf(
                Rows.list(connection, "SELECT " + COLUMNS + " FROM llm_calls ORDER BY id", LlmCallRepository::map)));
    }

    public List<LlmCall> forIdea(long ideaId) {
        return database.read(connection -> List.copyOf(Rows.list(connection,
                "SELECT " + COLUMNS + " FROM llm_calls WHERE idea_id = ? ORDER BY id", LlmCallRepository::map, ideaId)));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static LlmCall map(ResultSet rows) throws SQLException {
        return new LlmCall(rows.getLong("id"), LlmRole.fromWire(rows.getString("role")), rows.getString("provider"),
                rows.getString("model"), Rows.nullableLong(rows, "idea_id"), rows.getInt("epoch"), rows.getLong("tokens_in"),
                rows.getLong("tokens_out"), rows.getDouble("cost_usd"), rows.getLong("latency_ms"), rows.getString("prompt"),
                rows.getString("response"), rows.getString("error"), Rows.instant(rows, "created_at"));
    }
}
