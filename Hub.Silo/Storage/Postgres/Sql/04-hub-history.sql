-- The hub's own history: every alert as it now is, every lifecycle event, every accepted check-in.
-- Applied idempotently at silo start. Subtrees are found through `path` (codes from the top unit
-- down to the unit itself), so one GIN index serves every level.

CREATE TABLE IF NOT EXISTS hub_alerts (
    id              text PRIMARY KEY,
    source          text        NOT NULL,
    source_id       text        NOT NULL,
    unit            text        NOT NULL,
    path            text[]      NOT NULL,
    device          text,
    category        text        NOT NULL,
    severity        text        NOT NULL,
    title           text,
    detail          text,
    at              timestamptz NOT NULL,
    day             date        NOT NULL,
    last_at         timestamptz NOT NULL,
    occurrences     integer     NOT NULL,
    state           text        NOT NULL,
    cleared         boolean     NOT NULL,
    escalated_to    text,
    assignee        text,
    last_by         text        NOT NULL,
    changed_at      timestamptz NOT NULL,
    handle_deadline timestamptz,
    handled_at      timestamptz,
    owner           text        NOT NULL,
    version         bigint      NOT NULL
);
CREATE INDEX IF NOT EXISTS hub_alerts_path ON hub_alerts USING gin (path);
CREATE INDEX IF NOT EXISTS hub_alerts_day ON hub_alerts (day);
CREATE INDEX IF NOT EXISTS hub_alerts_at ON hub_alerts (at DESC, id DESC);

CREATE TABLE IF NOT EXISTS hub_alert_events (
    alert_id   text        NOT NULL,
    at         timestamptz NOT NULL,
    by         text        NOT NULL,
    action     text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    note       text,
    assignee   text
);
CREATE INDEX IF NOT EXISTS hub_alert_events_alert ON hub_alert_events (alert_id, at);

CREATE TABLE IF NOT EXISTS hub_checkins (
    grid   text        NOT NULL,
    id     text,
    worker text        NOT NULL,
    unit   text        NOT NULL,
    path   text[]      NOT NULL,
    kind   text        NOT NULL,
    at     timestamptz NOT NULL,
    day    date        NOT NULL,
    target text
);
-- A resent check-in (same grid and id) is kept once.
CREATE UNIQUE INDEX IF NOT EXISTS hub_checkins_id ON hub_checkins (grid, id) WHERE id IS NOT NULL;
CREATE INDEX IF NOT EXISTS hub_checkins_path ON hub_checkins USING gin (path);
CREATE INDEX IF NOT EXISTS hub_checkins_day ON hub_checkins (day);
