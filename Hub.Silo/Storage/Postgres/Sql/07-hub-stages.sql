-- 分阶段按时: how many times each case ended each stage, and how many of those within the limit
-- ({"ended": [accept, dispatch, reportIn, handle, verify], "onTime": [...]}).
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS stages jsonb;
