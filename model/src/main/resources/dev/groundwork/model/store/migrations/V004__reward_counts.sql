-- Which run's reward counts for its patch (or for the baseline): the first run of it that succeeded; later successes
-- are repeats a person asked for. Written when a run succeeds, so that status, the Ideas page and exports find the
-- counting runs through an index; deriving it per row (a correlated NOT EXISTS … OR … over runs) made `status --json`
-- quadratic in the number of runs.

ALTER TABLE runs ADD COLUMN reward_counts INTEGER NOT NULL DEFAULT 0 CHECK (reward_counts IN (0, 1));

UPDATE runs SET reward_counts = 1
 WHERE status = 'succeeded' AND patch_id IS NOT NULL
   AND id = (SELECT min(e.id) FROM runs e WHERE e.patch_id = runs.patch_id AND e.status = 'succeeded');

UPDATE runs SET reward_counts = 1
 WHERE id = (SELECT min(id) FROM runs WHERE patch_id IS NULL AND idea_id IS NULL AND status = 'succeeded');

CREATE INDEX runs_counting_by_idea ON runs (idea_id, reward) WHERE reward_counts = 1;
