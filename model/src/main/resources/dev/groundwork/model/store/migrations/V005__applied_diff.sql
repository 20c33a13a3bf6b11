-- The diff as the patch engine applied it (hunk counts and offsets fixed, prose and fences gone): what
-- `git diff <base> gw/idea-<id>` shows. `diff` keeps the text as submitted, for audit.

ALTER TABLE patches ADD COLUMN applied_diff TEXT;
