-- Photos of cases sent from the field page: a report's (up to 3) and a verification's (核查).
-- One row per photo; an item's photos are inserted in one transaction, once.
CREATE TABLE IF NOT EXISTS hub_case_photos (
    alert_id     text        NOT NULL,
    item         text        NOT NULL,
    n            integer     NOT NULL,
    kind         text        NOT NULL,
    content_type text        NOT NULL,
    bytes        bytea       NOT NULL,
    at           timestamptz NOT NULL,
    by_user      text        NOT NULL,
    PRIMARY KEY (alert_id, item, n)
);

-- Retention (Hub:Photos:RetentionDays) removes photos by when they were taken.
CREATE INDEX IF NOT EXISTS hub_case_photos_at ON hub_case_photos (at);
