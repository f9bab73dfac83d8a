using System.Text.Json;
using Hub.Grains.Alerts;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Telemetry;
using Hub.Grains.Time;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// History in the hub's own tables (<c>04-hub-history.sql</c>, <c>05-hub-trust.sql</c>). Writes go
/// through group commit: the records of many concurrent callers become one multi-row statement in
/// one transaction. Reads (lists, stats, charts) use a pool of their own with a statement timeout,
/// so a heavy report can never take the connections an acknowledgement waits for.
/// </summary>
public sealed class PostgresHistory : IAlertJournal, IHistoryStats, IHistoryRetention, IHistoryImport, IAsyncDisposable
{
    // Codes never contain '|' (API.md §1), so a path travels as one string per row.

    /// <summary>How parts are kept in <c>hub_alerts.parts</c> (camelCase, so a department's cases are found by <c>department</c>).</summary>
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);
    private const char PathSeparator = '|';

    /// <summary>The order of <see cref="AlertQuery.ByImportance"/>, ahead of the newest-first tie-break.</summary>
    private const string ImportanceOrder = """
        CASE WHEN state = 'raised' THEN 0 WHEN state IN ('acknowledged', 'dispatched') THEN 1 ELSE 2 END,
        CASE WHEN state IN ('raised', 'acknowledged', 'dispatched') AND (supervision >= 1 OR handle_deadline <= now()) THEN 0 ELSE 1 END,
        CASE severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END,
        """;

    /// <summary>Rows per statement of an import (a history of a year is written in a few hundred).</summary>
    private const int ImportBatch = 5_000;

    private readonly NpgsqlDataSource _database;
    private readonly HistoryReads _reads;
    private readonly HubClock _clock;
    private readonly GroupCommit<(AlertSummary Alert, AuditEntry Change)> _alerts;

    public PostgresHistory(NpgsqlDataSource database, HistoryReads reads, HubClock clock, HubMetrics metrics)
    {
        _database = database;
        _reads = reads;
        _clock = clock;
        _alerts = new GroupCommit<(AlertSummary, AuditEntry)>(WriteAlerts, IsDataError, committed: (rows, took) => metrics.Committed("alerts", rows, took));
    }

    public Task Record(AlertSummary alert, AuditEntry change, CancellationToken cancellationToken = default) =>
        _alerts.Append([(alert, change)]);

    public async Task<IReadOnlyList<AlertSummary>> Find(AlertQuery query, CancellationToken cancellationToken = default)
    {
        var conditions = new List<string>();
        await using var command = _reads.Source.CreateCommand();
        if (query.Unit is not null)
        {
            conditions.Add("path @> ARRAY[@unit]::text[]");
            command.Parameters.AddWithValue("unit", query.Unit);
        }
        if (query.State is { } state)
        {
            conditions.Add("state = @state");
            command.Parameters.AddWithValue("state", WireName.Of(state));
        }
        if (query.ActiveOnly)
        {
            conditions.Add("state IN ('raised', 'acknowledged', 'dispatched')");
        }
        if (query.OpenOnly)
        {
            conditions.Add("state IN ('raised', 'acknowledged', 'dispatched', 'resolved', 'verified')");
        }
        if (query.ActiveOnly || query.OpenOnly)
        {
            conditions.Add("source <> 'import'"); // imported history is no one's duty
        }
        if (query.Department is { } department)
        {
            conditions.Add("parts @> jsonb_build_array(jsonb_build_object('department', @department::text))");
            command.Parameters.AddWithValue("department", department);
        }
        if (query.Days is { } days)
        {
            conditions.Add("day BETWEEN @first AND @last");
            command.Parameters.AddWithValue("first", days.First);
            command.Parameters.AddWithValue("last", days.Last);
        }
        if (query.Severity is { } severity)
        {
            conditions.Add("severity = @severity");
            command.Parameters.AddWithValue("severity", WireName.Of(severity));
        }
        command.Parameters.AddWithValue("limit", query.Limit);
        command.CommandText = $"""
            SELECT id, source, source_id, unit, path, device, category, severity, title, detail, at, last_at, occurrences,
                   state, cleared, escalated_to, assignee, last_by, changed_at, version, handle_deadline, handled_at, owner,
                   sender, sender_key, reworks, rating, parts::text, stage_since, supervision, yellow_cards, red_cards, stages::text
            FROM hub_alerts
            {(conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) : "")}
            ORDER BY {(query.ByImportance ? ImportanceOrder : "")}at DESC, id DESC
            LIMIT @limit
            """;
        var found = new List<AlertSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new AlertSummary(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(22), reader.GetFieldValue<string[]>(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6), Parse<Severity>(reader.GetString(7)), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), Utc(reader.GetDateTime(10)), Utc(reader.GetDateTime(11)),
                reader.GetInt32(12), Parse<AlertState>(reader.GetString(13)), reader.GetBoolean(14),
                reader.IsDBNull(15) ? null : reader.GetString(15), reader.IsDBNull(16) ? null : reader.GetString(16),
                reader.GetString(17), Utc(reader.GetDateTime(18)), reader.GetInt64(19),
                reader.IsDBNull(20) ? null : Utc(reader.GetDateTime(20)), reader.IsDBNull(21) ? null : Utc(reader.GetDateTime(21)),
                Sender.Parse(reader.IsDBNull(23) ? null : reader.GetString(23), reader.IsDBNull(24) ? null : reader.GetString(24)),
                reader.GetInt32(25), reader.IsDBNull(26) ? null : reader.GetInt32(26),
                reader.IsDBNull(27) ? null : JsonSerializer.Deserialize<DepartmentPart[]>(reader.GetString(27), StoredJson),
                reader.IsDBNull(28) ? null : Utc(reader.GetDateTime(28)), reader.GetInt32(29), reader.GetInt32(30), reader.GetInt32(31),
                reader.IsDBNull(32) ? null : JsonSerializer.Deserialize<StageTally>(reader.GetString(32), StoredJson)));
        }
        return found;
    }

    public async Task<IReadOnlyList<DayHistory>> Days(string unit, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        await using var command = _reads.Source.CreateCommand(HistoryQueries.Days);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("first", firstDay);
        command.Parameters.AddWithValue("last", lastDay);
        var days = new List<DayHistory>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new DayHistory(
                reader.GetFieldValue<DateOnly>(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
                (int)reader.GetInt64(4), (int)reader.GetInt64(5), (int)reader.GetInt64(6), (int)reader.GetInt64(7))
            {
                Rejected = (int)reader.GetInt64(8),
                Reworked = (int)reader.GetInt64(9),
                Rated = (int)reader.GetInt64(10),
                RatingSum = reader.GetInt64(11),
                YellowCards = (int)reader.GetInt64(12),
                RedCards = (int)reader.GetInt64(13),
                Stages = new StageTally(
                    [.. Enumerable.Range(14, StageTally.Count).Select(i => (int)reader.GetInt64(i))],
                    [.. Enumerable.Range(14 + StageTally.Count, StageTally.Count).Select(i => (int)reader.GetInt64(i))]),
            });
        }
        return days;
    }

    public async Task<IReadOnlyList<PatrolVisits>> PatrolVisits(string unit, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        await using var command = _reads.Source.CreateCommand(HistoryQueries.PatrolVisits);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("first", firstDay);
        command.Parameters.AddWithValue("last", lastDay);
        var visits = new List<PatrolVisits>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            visits.Add(new PatrolVisits(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), (int)reader.GetInt64(2)));
        }
        return visits;
    }

    public async Task<IReadOnlyList<HourHistory>> Hours(string unit, DateTimeOffset firstHour, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var command = _reads.Source.CreateCommand(HistoryQueries.Hours);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("first", firstHour.UtcDateTime);
        command.Parameters.AddWithValue("end", until.UtcDateTime);
        var hours = new List<HourHistory>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hours.Add(new HourHistory(
                Utc(reader.GetDateTime(0)), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
                (int)reader.GetInt64(4), (int)reader.GetInt64(5), (int)reader.GetInt64(6)));
        }
        return hours;
    }

    public async Task<int> Prune(DateOnly before, int batch, CancellationToken cancellationToken = default)
    {
        // Batched, each batch its own short statement: retention never holds a long lock on a table ingest writes to.
        var cutoff = _clock.StartOf(before).UtcDateTime;
        var removed = 0;
        foreach (var sql in PruneStatements)
        {
            int count;
            do
            {
                await using var command = _database.CreateCommand(sql);
                command.Parameters.AddWithValue("day", before);
                command.Parameters.AddWithValue("cutoff", cutoff);
                command.Parameters.AddWithValue("batch", batch);
                count = await command.ExecuteNonQueryAsync(cancellationToken);
                removed += count;
            }
            while (count == batch);
        }
        return removed;
    }

    private static readonly string[] PruneStatements =
    [
        "DELETE FROM hub_checkins WHERE ctid IN (SELECT ctid FROM hub_checkins WHERE day < @day LIMIT @batch)",
        "DELETE FROM hub_alert_events WHERE ctid IN (SELECT ctid FROM hub_alert_events WHERE at < @cutoff AND alert_id IN " +
            "(SELECT id FROM hub_alerts WHERE day < @day AND state IN ('resolved', 'closed')) LIMIT @batch)",
        // Active alerts stay, however old: they are still someone's duty.
        "DELETE FROM hub_alerts WHERE ctid IN (SELECT ctid FROM hub_alerts WHERE day < @day AND state IN ('resolved', 'closed') " +
            "AND changed_at < @cutoff LIMIT @batch)",
    ];

    public async ValueTask DisposeAsync()
    {
        await _alerts.DisposeAsync();
    }

    /// <summary>
    /// Writes alerts' rows: live, a newer version replaces an older one; importing, a row already
    /// there (by id) is kept as it is.
    /// </summary>
    /// <returns>How many rows were written.</returns>
    private async Task<int> UpsertAlerts(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<AlertSummary> alerts, bool importing, CancellationToken cancellationToken)
    {
        var conflict = importing ? "DO NOTHING" : """
            DO UPDATE SET
                last_at = EXCLUDED.last_at, occurrences = EXCLUDED.occurrences, state = EXCLUDED.state, cleared = EXCLUDED.cleared,
                escalated_to = EXCLUDED.escalated_to, assignee = EXCLUDED.assignee, last_by = EXCLUDED.last_by,
                changed_at = EXCLUDED.changed_at, handled_at = EXCLUDED.handled_at, version = EXCLUDED.version,
                reworks = EXCLUDED.reworks, rating = EXCLUDED.rating, parts = EXCLUDED.parts,
                stage_since = EXCLUDED.stage_since, supervision = EXCLUDED.supervision,
                yellow_cards = EXCLUDED.yellow_cards, red_cards = EXCLUDED.red_cards, stages = EXCLUDED.stages
            WHERE hub_alerts.version < EXCLUDED.version
            """;
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO hub_alerts (id, source, source_id, unit, path, device, category, severity, title, detail, at, day, last_at,
                                    occurrences, state, cleared, escalated_to, assignee, last_by, changed_at, handle_deadline, handled_at, owner, version,
                                    sender, sender_key, reworks, rating, parts, stage_since, supervision, yellow_cards, red_cards, stages)
            SELECT id, source, source_id, unit, string_to_array(path, '|'), device, category, severity, title, detail, at, day, last_at,
                   occurrences, state, cleared, escalated_to, assignee, last_by, changed_at, handle_deadline, handled_at, owner, version,
                   sender, sender_key, reworks, rating, parts::jsonb, stage_since, supervision, yellow_cards, red_cards, stages::jsonb
            FROM unnest(@id, @source, @source_id, @unit, @path, @device, @category, @severity, @title, @detail, @at, @day, @last_at,
                        @occurrences, @state, @cleared, @escalated_to, @assignee, @last_by, @changed_at, @handle_deadline, @handled_at, @owner, @version,
                        @sender, @sender_key, @reworks, @rating, @parts, @stage_since, @supervision, @yellow_cards, @red_cards, @stages)
                 AS t(id, source, source_id, unit, path, device, category, severity, title, detail, at, day, last_at,
                      occurrences, state, cleared, escalated_to, assignee, last_by, changed_at, handle_deadline, handled_at, owner, version,
                      sender, sender_key, reworks, rating, parts, stage_since, supervision, yellow_cards, red_cards, stages)
            ON CONFLICT (id) {conflict}
            """, connection, transaction);
        var p = upsert.Parameters;
        p.AddWithValue("id", alerts.Select(a => a.Id).ToArray());
        p.AddWithValue("source", alerts.Select(a => a.Source).ToArray());
        p.AddWithValue("source_id", alerts.Select(a => a.SourceId).ToArray());
        p.AddWithValue("unit", alerts.Select(a => a.Unit).ToArray());
        p.AddWithValue("path", alerts.Select(a => string.Join(PathSeparator, a.Path)).ToArray());
        p.Add(Texts("device", alerts.Select(a => a.Device)));
        p.AddWithValue("category", alerts.Select(a => a.Category).ToArray());
        p.AddWithValue("severity", alerts.Select(a => WireName.Of(a.Severity)).ToArray());
        p.Add(Texts("title", alerts.Select(a => a.Title)));
        p.Add(Texts("detail", alerts.Select(a => a.Detail)));
        p.AddWithValue("at", alerts.Select(a => a.At.UtcDateTime).ToArray());
        p.AddWithValue("day", alerts.Select(a => _clock.DayOf(a.At)).ToArray());
        p.AddWithValue("last_at", alerts.Select(a => a.LastAt.UtcDateTime).ToArray());
        p.AddWithValue("occurrences", alerts.Select(a => a.Occurrences).ToArray());
        p.AddWithValue("state", alerts.Select(a => WireName.Of(a.State)).ToArray());
        p.AddWithValue("cleared", alerts.Select(a => a.Cleared).ToArray());
        p.Add(Texts("escalated_to", alerts.Select(a => a.EscalatedTo)));
        p.Add(Texts("assignee", alerts.Select(a => a.Assignee)));
        p.AddWithValue("last_by", alerts.Select(a => a.LastBy).ToArray());
        p.AddWithValue("changed_at", alerts.Select(a => a.ChangedAt.UtcDateTime).ToArray());
        p.Add(Times("handle_deadline", alerts.Select(a => a.HandleDeadline)));
        p.Add(Times("handled_at", alerts.Select(a => a.HandledAt)));
        p.AddWithValue("owner", alerts.Select(a => a.Owner).ToArray());
        p.AddWithValue("version", alerts.Select(a => a.Version).ToArray());
        p.Add(Texts("sender", alerts.Select(a => a.ReportedBy?.Identity)));
        p.Add(Texts("sender_key", alerts.Select(a => a.ReportedBy?.KeyId)));
        p.AddWithValue("reworks", alerts.Select(a => a.Reworks).ToArray());
        p.Add(new NpgsqlParameter("rating", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = alerts.Select(a => a.Rating).ToArray() });
        p.Add(Texts("parts", alerts.Select(a => a.Parts is { Count: > 0 } parts ? JsonSerializer.Serialize(parts, StoredJson) : null)));
        p.Add(Times("stage_since", alerts.Select(a => a.StageSince)));
        p.AddWithValue("supervision", alerts.Select(a => a.Supervision).ToArray());
        p.AddWithValue("yellow_cards", alerts.Select(a => a.YellowCards).ToArray());
        p.AddWithValue("red_cards", alerts.Select(a => a.RedCards).ToArray());
        p.Add(Texts("stages", alerts.Select(a => a.Stages is { } stages ? JsonSerializer.Serialize(stages, StoredJson) : null)));
        return await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteAlerts(IReadOnlyList<(AlertSummary Alert, AuditEntry Change)> records, CancellationToken cancellationToken)
    {
        // One row per alert: the newest version wins (ON CONFLICT may touch a row only once per statement).
        var alerts = records.Select(r => r.Alert).GroupBy(a => a.Id).Select(g => g.MaxBy(a => a.Version)!).ToArray();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpsertAlerts(connection, transaction, alerts, importing: false, cancellationToken);
        await using (var events = new NpgsqlCommand("""
            INSERT INTO hub_alert_events (alert_id, at, by, action, from_state, to_state, note, assignee, version, key)
            SELECT * FROM unnest(@alert_id, @at, @by, @action, @from_state, @to_state, @note, @assignee, @version, @key)
            ON CONFLICT (alert_id, version) WHERE version IS NOT NULL DO NOTHING
            """, connection, transaction))
        {
            var p = events.Parameters;
            p.AddWithValue("alert_id", records.Select(r => r.Alert.Id).ToArray());
            p.AddWithValue("at", records.Select(r => r.Change.At.UtcDateTime).ToArray());
            p.AddWithValue("by", records.Select(r => r.Change.By).ToArray());
            p.AddWithValue("action", records.Select(r => WireName.Of(r.Change.Action)).ToArray());
            p.Add(Texts("from_state", records.Select(r => r.Change.From is { } s ? WireName.Of(s) : null)));
            p.AddWithValue("to_state", records.Select(r => WireName.Of(r.Change.To)).ToArray());
            p.Add(Texts("note", records.Select(r => r.Change.Note)));
            p.Add(Texts("assignee", records.Select(r => r.Change.Assignee)));
            p.AddWithValue("version", records.Select(r => r.Alert.Version).ToArray());
            p.Add(Texts("key", records.Select(r => r.Change.Key)));
            await events.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <returns>How many rows were new.</returns>
    /// <summary>
    /// Check-ins counted with their grids' states, in the states' transaction: binary COPY, about
    /// twice the rows per second of <see cref="InsertCheckins"/> here. A row already there (an id
    /// resent after its grid forgot it) fails the COPY whole; then the rows go through the insert,
    /// which keeps one of each.
    /// </summary>
    internal static async Task CopyCheckins(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CheckinRecord> records, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync("checkins", cancellationToken);
        try
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY hub_checkins (grid, id, worker, unit, path, kind, at, day, target) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var c in records)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(c.Grid, NpgsqlDbType.Text, cancellationToken);
                await WriteText(copy, c.Id, cancellationToken);
                await copy.WriteAsync(c.Worker, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(c.Unit, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(c.Path as string[] ?? [.. c.Path], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(WireName.Of(c.Kind), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(c.At.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(c.Day, NpgsqlDbType.Date, cancellationToken);
                await WriteText(copy, c.Target, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync("checkins", cancellationToken);
            await InsertCheckins(connection, transaction, records, cancellationToken);
        }
    }

    private static Task WriteText(NpgsqlBinaryImporter copy, string? text, CancellationToken cancellationToken) =>
        text is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);

    internal static async Task<int> InsertCheckins(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<CheckinRecord> records, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO hub_checkins (grid, id, worker, unit, path, kind, at, day, target)
            SELECT grid, id, worker, unit, string_to_array(path, '|'), kind, at, day, target
            FROM unnest(@grid, @id, @worker, @unit, @path, @kind, @at, @day, @target) AS t(grid, id, worker, unit, path, kind, at, day, target)
            ON CONFLICT (grid, id) WHERE id IS NOT NULL DO NOTHING
            """, connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("grid", records.Select(c => c.Grid).ToArray());
        p.Add(Texts("id", records.Select(c => c.Id)));
        p.AddWithValue("worker", records.Select(c => c.Worker).ToArray());
        p.AddWithValue("unit", records.Select(c => c.Unit).ToArray());
        p.AddWithValue("path", records.Select(c => string.Join(PathSeparator, c.Path)).ToArray());
        p.AddWithValue("kind", records.Select(c => WireName.Of(c.Kind)).ToArray());
        p.AddWithValue("at", records.Select(c => c.At.UtcDateTime).ToArray());
        p.AddWithValue("day", records.Select(c => c.Day).ToArray());
        p.Add(Texts("target", records.Select(c => c.Target)));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<int> ImportCases(IAsyncEnumerable<AlertSummary> cases, Action<int>? written = null, CancellationToken cancellationToken = default) =>
        Import(cases, (connection, transaction, batch, cancel) => UpsertAlerts(connection, transaction, batch, importing: true, cancel), written, cancellationToken);

    public Task<int> ImportPatrols(IAsyncEnumerable<CheckinRecord> visits, Action<int>? written = null, CancellationToken cancellationToken = default) =>
        Import(visits, InsertCheckins, written, cancellationToken);

    /// <summary>Writes every record in batches inside one transaction: all of them are kept, or none.</summary>
    private async Task<int> Import<T>(
        IAsyncEnumerable<T> records, Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<T>, CancellationToken, Task<int>> insert,
        Action<int>? written, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (added, seen) = (0, 0);
        var batch = new List<T>(ImportBatch);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            batch.Add(record);
            if (batch.Count == ImportBatch)
            {
                added += await insert(connection, transaction, batch, cancellationToken);
                seen += batch.Count;
                batch.Clear();
                written?.Invoke(seen);
            }
        }
        if (batch.Count > 0)
        {
            added += await insert(connection, transaction, batch, cancellationToken);
            seen += batch.Count;
        }
        await transaction.CommitAsync(cancellationToken);
        written?.Invoke(seen);
        return added;
    }

    /// <summary>Data exceptions (class 22) and integrity violations (23): a row's fault, not the database's.</summary>
    internal static bool IsDataError(Exception e) =>
        e is PostgresException { SqlState: var state } && (state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal));

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Times(string name, IEnumerable<DateTimeOffset?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values.Select(v => v?.UtcDateTime).ToArray() };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static T Parse<T>(string text) where T : struct, Enum =>
        WireName.TryParse<T>(text, out var value) ? value : throw new InvalidDataException($"unknown {typeof(T).Name} '{text}' in history");
}
