using System.Collections.Concurrent;
using System.Globalization;
using Hub.Grains.History;
using Orleans.Storage;

namespace Hub.Silo.Storage.Memory;

/// <summary>
/// Grain state for a single in-memory silo, kept in this process: a copy in Orleans' binary format
/// per grain, replaced only when the version written from is still the stored one. No grain call
/// and no JSON on the write path (Orleans' memory provider pays both on every write). Lost when the
/// process exits, like the rest of memory storage.
/// </summary>
public sealed class MemoryStateStore(IGrainStorageSerializer serializer, ICheckinJournal history) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Stored> _states = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Payload)!;
            grainState.ETag = stored.Version;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = Replace((stateName, grainId), grainState.ETag, serializer.Serialize(grainState.State));
        grainState.RecordExists = true;
        return grainState.State is IJournaledState { Unjournaled.Count: > 0 } journaled ? Journal(journaled) : Task.CompletedTask;
    }

    /// <summary>History in this process is kept as surely as the state beside it: recorded once the state is.</summary>
    private async Task Journal(IJournaledState journaled)
    {
        var rows = journaled.Unjournaled.ToArray();
        await history.Record(rows);
        journaled.Journaled(rows.Length);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (grainState.ETag is not null && !_states.TryRemove(new KeyValuePair<(string, GrainId), Stored>(key, Expected(key, grainState.ETag))))
        {
            throw Conflict(key, grainState.ETag);
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    /// <returns>The version now stored.</returns>
    private string Replace((string, GrainId) key, string? etag, BinaryData payload)
    {
        if (etag is null)
        {
            var first = new Stored(1, payload);
            return _states.TryAdd(key, first) ? first.Version : throw Conflict(key, etag);
        }
        var known = Expected(key, etag);
        var next = new Stored(known.Etag + 1, payload);
        return _states.TryUpdate(key, next, known) ? next.Version : throw Conflict(key, etag);
    }

    /// <summary>The stored entry if its version is <paramref name="etag"/>; a conflict otherwise.</summary>
    private Stored Expected((string, GrainId) key, string etag) =>
        _states.TryGetValue(key, out var stored) && stored.Version == etag ? stored : throw Conflict(key, etag);

    private static InconsistentStateException Conflict((string State, GrainId Grain) key, string? etag) =>
        new($"the stored version of {key.State} of {key.Grain} is no longer {etag ?? "absent"}", "stored", etag ?? "");

    /// <summary>One grain's state; compared by reference, so a replace succeeds only over the entry it read.</summary>
    private sealed class Stored(long etag, BinaryData payload)
    {
        public long Etag { get; } = etag;

        /// <summary>The version as grains hold it, formatted once rather than on every write and comparison.</summary>
        public string Version { get; } = etag.ToString(CultureInfo.InvariantCulture);

        public BinaryData Payload { get; } = payload;
    }
}
