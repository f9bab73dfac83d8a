-- Alert identity per sender, idempotent journaling, the indexes history reads need, retention.

-- Who reported an alert ("center:ZZ-01", "user:admin", "hub") and through which key.
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS sender text;
ALTER TABLE hub_alerts ADD COLUMN IF NOT EXISTS sender_key text;

-- An alert's version at each event: journaling the same event again (a retried outbox) keeps one row.
ALTER TABLE hub_alert_events ADD COLUMN IF NOT EXISTS version bigint;
ALTER TABLE hub_alert_events ADD COLUMN IF NOT EXISTS key text;
CREATE UNIQUE INDEX IF NOT EXISTS hub_alert_events_version ON hub_alert_events (alert_id, version) WHERE version IS NOT NULL;
-- Retention deletes events by age.
CREATE INDEX IF NOT EXISTS hub_alert_events_at ON hub_alert_events (at);

-- Hourly charts read a time range: for a whole city the path matches every row, so the range
-- must come from an index, not a scan of every check-in ever stored.
CREATE INDEX IF NOT EXISTS hub_checkins_at ON hub_checkins (at);
