-- Grain state written in groups (GrainStateStore): one row per grain and state name, its version
-- (etag) checked on every write, so that a second activation or a lost commit answer is detected.
-- A cleared state keeps its row with no payload, so that the earlier store is not read again.
CREATE TABLE IF NOT EXISTS hub_grain_state (
    state_name text NOT NULL,
    grain_id text NOT NULL,
    etag bigint NOT NULL,
    payload bytea,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (state_name, grain_id)
);
