-- The order queued runs start in: higher first, then oldest first. A person's "run this now" raises it; the scheduler
-- reads it back after a restart, so the queue survives one.

ALTER TABLE runs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
