-- An idea promoted to the baseline: its code became a new commit on main. Runs of the baseline with an id above
-- after_run ran the promoted code; the reward of the first of them that succeeded is the yardstick from then on, and the
-- older baselines and rewards stay here and in main's history.

CREATE TABLE promotions (
    id              INTEGER PRIMARY KEY,
    idea_id         INTEGER NOT NULL REFERENCES ideas (id),
    patch_id        INTEGER NOT NULL REFERENCES patches (id),
    from_commit     TEXT    NOT NULL,
    to_commit       TEXT    NOT NULL,
    previous_reward REAL,
    idea_reward     REAL    NOT NULL,
    epoch           INTEGER NOT NULL,
    after_run       INTEGER NOT NULL,
    promoted_at     INTEGER NOT NULL
);
