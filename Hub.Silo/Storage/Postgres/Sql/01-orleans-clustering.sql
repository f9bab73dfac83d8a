-- Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet) on PostgreSQL: the OrleansQuery
-- catalogue every Orleans ADO.NET provider loads its SQL from, the membership tables, and the
-- clustering queries. Applied idempotently at silo start, before 02 and 03, which add their rows to
-- OrleansQuery.
--
-- Conventions for all three Orleans scripts:
-- * Query texts use the providers' named parameters (@DeploymentId, ...); Npgsql binds them by name
--   with the types the providers give them (int -> integer, long -> bigint, string -> text,
--   DateTime -> timestamptz, byte[] -> bytea). Every parameter a provider binds is used.
-- * Identifiers are unquoted, so they fold to lower case; the providers look result columns up by
--   name, which Npgsql matches case-insensitively. The yes/no results (a single boolean column) and
--   the grain state clear/delete results are read by position, column 0.
-- * Each query is one statement where atomicity matters: data-modifying CTEs that all run under one
--   snapshot, so no functions are needed and a failed condition changes nothing.

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT OrleansQuery_pk PRIMARY KEY (QueryKey)
);

-- One row per cluster (DeploymentId is the ClusterId). Version is the etag of the whole membership
-- table: a member row is inserted or updated only together with a bump of this number, and only
-- while it still equals the version the writer last read. Heartbeats and cleanup leave it alone.
CREATE TABLE IF NOT EXISTS OrleansClusterVersion (
    DeploymentId text        NOT NULL,
    Version      integer     NOT NULL DEFAULT 0,
    ChangedAt    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT OrleansClusterVersion_pk PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation. Status is the SiloStatus number (3 = Active, 6 = Dead); SuspectTimes
-- is the provider's own "silo,time|silo,time" text. HostName, SiloName and ProxyPort are read back
-- as non-null values, so they are NOT NULL here.
CREATE TABLE IF NOT EXISTS OrleansClusterMember (
    DeploymentId text        NOT NULL,
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NOT NULL,
    SuspectTimes text,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT OrleansClusterMember_pk PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT OrleansClusterMember_version_fk FOREIGN KEY (DeploymentId)
        REFERENCES OrleansClusterVersion (DeploymentId)
);

-- Creates the cluster's version row if it is missing. Returns one boolean: whether it was created.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO OrleansClusterVersion (DeploymentId, Version)
    VALUES (@DeploymentId, 0)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created);
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Reads the cluster: one row per member, each carrying the table version. The outer join yields a
-- single row with NULL member columns (NULL StartTime means "no member") when the cluster has no
-- members yet, so the version can always be read. No version row -> no rows.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $q$
SELECT m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansClusterVersion v
LEFT JOIN OrleansClusterMember m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Same as MembershipReadAllKey for one silo (@Address, @Port, @Generation).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $q$
SELECT m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansClusterVersion v
LEFT JOIN OrleansClusterMember m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Adds a silo's row and bumps the table version, both or neither: only while the version still
-- equals @Version and the silo has no row yet. Returns one boolean: whether the row was added.
-- A concurrent writer that bumped the version first makes the version update match no row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE OrleansClusterVersion v
    SET Version = v.Version + 1, ChangedAt = now()
    WHERE v.DeploymentId = @DeploymentId
      AND v.Version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM OrleansClusterMember m
          WHERE m.DeploymentId = @DeploymentId
            AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation)
    RETURNING v.DeploymentId
), added AS (
    INSERT INTO OrleansClusterMember
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
         SuspectTimes, StartTime, IAmAliveTime)
    SELECT b.DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           NULL, @StartTime, @IAmAliveTime
    FROM bumped b
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM added);
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Updates a silo's row and bumps the table version, both or neither: the row is locked first, the
-- version is bumped only if the row exists and the version still equals @Version, and the row is
-- changed only if the bump happened. Returns one boolean: whether the row was updated.
-- IAmAliveTime keeps the later of the stored and the given value: the writer may be another silo
-- holding an older copy of the entry, and must not move the owner's last heartbeat back.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $q$
WITH target AS (
    SELECT m.DeploymentId
    FROM OrleansClusterMember m
    WHERE m.DeploymentId = @DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    FOR UPDATE
), bumped AS (
    UPDATE OrleansClusterVersion v
    SET Version = v.Version + 1, ChangedAt = now()
    FROM target t
    WHERE v.DeploymentId = t.DeploymentId AND v.Version = @Version
    RETURNING v.DeploymentId
), changed AS (
    UPDATE OrleansClusterMember m
    SET Status = @Status,
        SuspectTimes = @SuspectTimes,
        IAmAliveTime = GREATEST(m.IAmAliveTime, @IAmAliveTime)
    FROM bumped b
    WHERE m.DeploymentId = b.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed);
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- A silo's heartbeat: a blind write of its own IAmAliveTime. The table version is not touched.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansClusterMember
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId
  AND Address = @Address AND Port = @Port AND Generation = @Generation;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Gateways for clients: silos with the given status (the provider passes 3, Active) that accept
-- client connections. Read columns: Address, ProxyPort, Generation.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansClusterMember
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Removes a whole cluster: its members, then its version row. Both statements run in the one
-- implicit transaction of the command.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansClusterMember WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansClusterVersion WHERE DeploymentId = @DeploymentId;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Defunct-silo cleanup, one row at a time. The provider reads the table, picks the Dead rows whose
-- start, heartbeat and suspicion times are all older than the cutoff, and passes each row's values
-- back; the row goes only if it is still Dead and still holds exactly those values, so a row that
-- changed meanwhile stays. An empty and a missing SuspectTimes count as the same. The table version
-- is not touched.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansClusterMember
WHERE DeploymentId = @DeploymentId
  AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime
  AND IAmAliveTime = @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Bulk cleanup, which the provider runs only when CleanupDefunctSiloEntryKey is absent (it must still
-- exist: the provider refuses to start without it). @IAmAliveTime is the cutoff. Only Dead rows go.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansClusterMember
WHERE DeploymentId = @DeploymentId
  AND Status = 6
  AND StartTime < @IAmAliveTime
  AND IAmAliveTime < @IAmAliveTime;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
