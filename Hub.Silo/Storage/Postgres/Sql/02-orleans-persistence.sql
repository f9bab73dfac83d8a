-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet) on PostgreSQL: the state table and the
-- storage provider's queries. Applied idempotently at silo start, after 01, which creates
-- OrleansQuery (see 01 for the conventions these queries follow).
--
-- A grain's state is found by its hashes (GrainIdHash, GrainTypeHash, computed by the provider) and
-- confirmed by the full key: ServiceId, GrainIdN0/GrainIdN1 (a long key in N1, or a Guid split into
-- two longs; both 0 for a string key), GrainTypeString, and GrainIdExtensionString (the string key,
-- or the key extension, or NULL). The serialized state is PayloadBinary; Version is the grain's etag.

CREATE TABLE IF NOT EXISTS OrleansGrainState (
    GrainIdHash            integer     NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    ServiceId              text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text,
    PayloadBinary          bytea,
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now()
);
-- One row per grain state: what turns two first writes racing for the same grain into one insert
-- and one version conflict. The strings enter as md5 so a long key cannot exceed the index entry
-- limit; NULLS NOT DISTINCT (PostgreSQL 15) makes NULL extensions equal. The hashes lead, so the
-- same index serves every lookup.
CREATE UNIQUE INDEX IF NOT EXISTS OrleansGrainState_key ON OrleansGrainState
    (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1,
     md5(GrainTypeString), md5(GrainIdExtensionString)) NULLS NOT DISTINCT;

-- Reads a grain's state. Columns read: PayloadBinary (NULL after a clear -> default state) and
-- Version. No row -> no record, no etag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
SELECT PayloadBinary, Version
FROM OrleansGrainState
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Writes a grain's state with optimistic concurrency. @GrainStateVersion is the grain's etag:
-- NULL -> first write, insert version 1 (nothing if a row already exists); a number -> update the
-- row holding exactly that version and add one. Always returns one row, NewGrainStateVersion: the
-- new version, or NULL when the condition failed (the provider then reports a version conflict).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE OrleansGrainState
    SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansGrainState
        (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString,
         GrainIdExtensionString, PayloadBinary, Version)
    SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainIdN0, @GrainIdN1, @GrainTypeString,
           @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT COALESCE((SELECT Version FROM updated), (SELECT Version FROM inserted)) AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clears a grain's state (the default, DeleteStateOnClear = false): keeps the row with a NULL payload
-- and the next version, only if the row holds exactly @GrainStateVersion. Always returns one row;
-- the provider reads column 0: the new version (the grain's new etag), or NULL on a conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE OrleansGrainState
    SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
)
SELECT (SELECT Version FROM cleared) AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clears a grain's state when DeleteStateOnClear = true: deletes the row, only if it holds exactly
-- @GrainStateVersion. Same parameters and result shape as ClearStorageKey; on success column 0 must
-- be non-NULL and differ from the etag (the provider then sets the etag to NULL, so the next write
-- inserts afresh), hence the deleted version plus one.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM OrleansGrainState
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
)
SELECT (SELECT Version + 1 FROM deleted) AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
