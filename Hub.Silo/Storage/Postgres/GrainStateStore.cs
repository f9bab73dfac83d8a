using System.Globalization;
using System.Runtime.InteropServices;
using Hub.Grains.History;
using Hub.Grains.Telemetry;
using Npgsql;
using Orleans.Storage;

namespace Hub.Silo.Storage.Postgres;

/// <summary>
/// Grain state in PostgreSQL, committed in groups: the states written while one commit is in flight
/// (the grids of one request, and of concurrent requests) go to the server together, as one
/// statement per kind of change in one transaction, so a request touching a thousand grids pays
/// for one commit rather than a thousand. Every write still checks the stored version: a write
/// whose version moved is refused alone (<see cref="InconsistentStateException"/>), the rest of its
/// group commits. A write returns only once committed, so every acknowledgement stays durable.
/// States stored by the ADO.NET provider before this store existed are read from there until the
/// grain's first write here.
/// </summary>
public sealed class GrainStateStore : IGrainStorage, IAsyncDisposable
{
    private readonly NpgsqlDataSource _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IGrainStorage? _earlier;
    private readonly GroupCommit<StateWrite> _commits;
    private readonly GroupCommit<StateRead> _reads;

    /// <param name="database">Owned by the store: its own pool, apart from history's and Orleans' others.</param>
    /// <param name="earlier">Where states were stored before; read when this store has none.</param>
    public GrainStateStore(NpgsqlDataSource database, IGrainStorageSerializer serializer, IGrainStorage? earlier, HubMetrics? metrics = null)
    {
        _database = database;
        _serializer = serializer;
        _earlier = earlier;
        // A version conflict is an answer, not an error: it fails no one else's write.
        _commits = new GrainStateCommits(database).Start(metrics is null ? null : (rows, took) => metrics.Committed("state", rows, took));
        _reads = new GrainStateReads(database).Start();
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var read = new StateRead(stateName, grainId.ToString());
        await _reads.Append([read]);
        if (read.Found)
        {
            grainState.ETag = read.Etag.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = read.Payload is not null;
            grainState.State = read.Payload is { } payload
                ? _serializer.Deserialize<T>(new BinaryData(payload))!
                : Activator.CreateInstance<T>();
            return;
        }
        if (_earlier is not null && await EarlierHoldsStates())
        {
            await _earlier.ReadStateAsync(stateName, grainId, grainState);
            // Not in this store yet: the first write here inserts.
            grainState.ETag = null;
        }
    }

    /// <summary>
    /// Whether the earlier table holds anything at all: nothing writes there any more, so a database
    /// that started with this store (or a province's hundred thousand grids reading their first state)
    /// never pays a second query per miss.
    /// </summary>
    private Task<bool> EarlierHoldsStates() => _earlierHoldsStates ??= AskEarlierHoldsStates();

    private Task<bool>? _earlierHoldsStates;

    private async Task<bool> AskEarlierHoldsStates()
    {
        await using var command = _database.CreateCommand("SELECT EXISTS (SELECT 1 FROM orleansgrainstate)");
        try
        {
            return (bool)(await command.ExecuteScalarAsync())!;
        }
        catch (Exception)
        {
            _earlierHoldsStates = null; // asked again next time
            throw;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var journaled = grainState.State as IJournaledState;
        var rows = journaled?.Unjournaled is { Count: > 0 } carried ? carried.ToArray() : null;
        var write = new StateWrite(stateName, grainId.ToString(), Expected(grainState), Payload(_serializer.Serialize(grainState.State)), rows);
        await _commits.Append([write]);
        ThrowOnConflict(write, stateName, grainId, grainState);
        journaled?.Journaled(rows?.Length ?? 0);
        grainState.ETag = write.Written!.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    /// <summary>The serialized bytes, not copied again when they already are a whole array.</summary>
    private static byte[] Payload(BinaryData data) =>
        MemoryMarshal.TryGetArray(data.ToMemory(), out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length ? whole.Array : data.ToArray();

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = new StateWrite(stateName, grainId.ToString(), Expected(grainState), null);
        await _commits.Append([write]);
        ThrowOnConflict(write, stateName, grainId, grainState);
        grainState.ETag = write.Written!.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    public async ValueTask DisposeAsync()
    {
        await _commits.DisposeAsync();
        await _reads.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static long? Expected<T>(IGrainState<T> grainState) =>
        grainState.ETag is { } etag ? long.Parse(etag, CultureInfo.InvariantCulture) : null;

    private static void ThrowOnConflict<T>(StateWrite write, string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (write.Conflict)
        {
            throw new InconsistentStateException($"the stored version of {stateName} of {grainId} is no longer {grainState.ETag ?? "absent"}", "stored", grainState.ETag ?? "");
        }
    }
}
