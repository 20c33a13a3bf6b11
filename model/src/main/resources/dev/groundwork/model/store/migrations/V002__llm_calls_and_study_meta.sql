-- The audit trail of LLM calls (cost, tokens, prompts) and small key/value state of the study (current epoch, loop state).

CREATE TABLE llm_calls (
    id          INTEGER PRIMARY KEY,
    role        TEXT    NOT NULL,
    provider    TEXT    NOT NULL,
    model       TEXT    NOT NULL,
    idea_id     INTEGER REFERENCES ideas (id) ON DELETE SET NULL,
    epoch       INTEGER NOT NULL DEFAULT 0,
    tokens_in   INTEGER NOT NULL DEFAULT 0,
    tokens_out  INTEGER NOT NULL DEFAULT 0,
    cost_usd    REAL    NOT NULL DEFAULT 0,
    latency_ms  INTEGER NOT NULL DEFAULT 0,
    prompt      TEXT    NOT NULL,
    response    TEXT    NOT NULL,
    error       TEXT,
    created_at  INTEGER NOT NULL
);
CREATE INDEX llm_calls_by_idea ON llm_calls (idea_id);
CREATE INDEX llm_calls_by_epoch ON llm_calls (epoch);

-- The call whose answer produced an idea, so the GUI can show the prompt behind it.
ALTER TABLE ideas ADD COLUMN prompt_call_id INTEGER REFERENCES llm_calls (id) ON DELETE SET NULL;

CREATE TABLE study_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
