-- The slot a run went to on its host (its index; with GPUs, its GPU ids say more), so that the Runs page can name a
-- finished CPU run's slot as the slot map names a running one's.

ALTER TABLE runs ADD COLUMN slot INTEGER;
