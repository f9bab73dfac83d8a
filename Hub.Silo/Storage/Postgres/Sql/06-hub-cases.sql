-- The closed loop: reworks (返工) and the rating (评价) of each case, for the figures.
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS reworks integer NOT NULL DEFAULT 0;
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS rating integer;
