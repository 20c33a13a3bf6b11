-- Ideas, their lineage, patches, runs and metric series.
-- Times are milliseconds since the epoch (UTC); statuses are wire names ("timed-out").

CREATE TABLE ideas (
    id              INTEGER PRIMARY KEY,
    epoch           INTEGER NOT NULL CHECK (epoch >= 0),
    origin          TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    notes           TEXT    NOT NULL DEFAULT '',
    score           INTEGER CHECK (score BETWEEN 1 AND 5),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX ideas_by_status ON ideas (status);
CREATE INDEX ideas_by_epoch ON ideas (epoch);

-- The exemplars an idea was bred from; a child may have several parents.
CREATE TABLE idea_parents (
    child    INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    parent   INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (child, parent),
    CHECK (child <> parent)
) WITHOUT ROWID;
CREATE INDEX idea_parents_by_parent ON idea_parents (parent, child);

CREATE TABLE patches (
    id               INTEGER PRIMARY KEY,
    idea_id          INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    attempt          INTEGER NOT NULL CHECK (attempt >= 1),
    diff             TEXT    NOT NULL,
    base_commit      TEXT,
    parent_patch_id  INTEGER REFERENCES patches (id),
    author           TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    apply_report     TEXT,
    preflight_report TEXT,
    commit_sha       TEXT,
    decided_by       TEXT,
    decided_at       INTEGER,
    decision_comment TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (idea_id, attempt)
);
CREATE INDEX patches_by_status ON patches (status);

-- A run of a patch, or of the baseline when patch_id is NULL.
CREATE TABLE runs (
    id             INTEGER PRIMARY KEY,
    patch_id       INTEGER REFERENCES patches (id) ON DELETE CASCADE,
    idea_id        INTEGER REFERENCES ideas (id) ON DELETE CASCADE,
    epoch          INTEGER NOT NULL,
    host           TEXT,
    gpu_ids        TEXT    NOT NULL DEFAULT '',
    handle         TEXT,
    status         TEXT    NOT NULL,
    queued_at      INTEGER NOT NULL,
    started_at     INTEGER,
    ended_at       INTEGER,
    exit_code      INTEGER,
    failure_class  TEXT,
    reward         REAL,
    gpu_seconds    REAL    NOT NULL DEFAULT 0,
    log_path       TEXT,
    command        TEXT    NOT NULL DEFAULT '[]',
    env_names      TEXT    NOT NULL DEFAULT '[]',
    seed           INTEGER,
    image_digest   TEXT,
    gpu_model      TEXT
);
CREATE INDEX runs_by_status ON runs (status);
CREATE INDEX runs_by_idea ON runs (idea_id);
CREATE INDEX runs_by_patch ON runs (patch_id);

-- Metric names are interned: a point row then holds three integers and two reals.
CREATE TABLE metric_names (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE metric_points (
    run_id    INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name_id   INTEGER NOT NULL REFERENCES metric_names (id),
    step      INTEGER NOT NULL,
    value     REAL    NOT NULL,
    wall_time REAL    NOT NULL,
    PRIMARY KEY (run_id, name_id, step)
) WITHOUT ROWID;
