-- The closed loop: reworks (返工) and the rating (评价) of each case, for the figures.
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS reworks integer NOT NULL DEFAULT 0;
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS rating integer;

-- 吹哨报到: each summoned department's part of a case; a department's user lists its cases by it.
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS parts jsonb;
CREATE INDEX IF NOT EXISTS hub_alerts_parts ON hub_alerts USING gin (parts jsonb_path_ops);

-- 督办: when the case's current stage began, and the supervision level it has reached in it.
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS stage_since timestamptz;
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS supervision integer NOT NULL DEFAULT 0;

-- The cards (黄牌, 红牌) each case earned, for the month's assessment.
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS yellow_cards integer NOT NULL DEFAULT 0;
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS red_cards integer NOT NULL DEFAULT 0;
