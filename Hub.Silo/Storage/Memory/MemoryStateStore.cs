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
    // One slot per grain, made once; a write swaps the slot's entry without taking a lock (a 1,000-grid
    // batch's writes queued on the dictionary's when they replaced entries in it).
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Slot> _states = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var slot) && slot.Entry is { } stored)
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
        if (grainState.ETag is not null && !SlotOf(key).Swap(Expected(key, grainState.ETag), null))
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
        var known = etag is null ? null : Expected(key, etag);
        var next = new Stored((known?.Etag ?? 0) + 1, payload);
        return SlotOf(key).Swap(known, next) ? next.Version : throw Conflict(key, etag);
    }

    private Slot SlotOf((string, GrainId) key) => _states.GetOrAdd(key, static _ => new Slot());

    /// <summary>The stored entry if its version is <paramref name="etag"/>; a conflict otherwise.</summary>
    private Stored Expected((string, GrainId) key, string etag) =>
        _states.TryGetValue(key, out var slot) && slot.Entry is { } stored && stored.Version == etag ? stored : throw Conflict(key, etag);

    private static InconsistentStateException Conflict((string State, GrainId Grain) key, string? etag) =>
        new($"the stored version of {key.State} of {key.Grain} is no longer {etag ?? "absent"}", "stored", etag ?? "");

    private sealed class Slot
    {
        private Stored? _entry;

        /// <summary>The state stored, none before the first write and after a clear.</summary>
        public Stored? Entry => Volatile.Read(ref _entry);

        /// <summary>Puts <paramref name="next"/> in place of <paramref name="known"/>, if that is still the entry.</summary>
        public bool Swap(Stored? known, Stored? next) => Interlocked.CompareExchange(ref _entry, next, known) == known;
    }

    /// <summary>One grain's state; compared by reference, so a replace succeeds only over the entry it read.</summary>
    private sealed class Stored(long etag, BinaryData payload)
    {
        public long Etag { get; } = etag;

        /// <summary>The version as grains hold it, formatted once rather than on every write and comparison.</summary>
        public string Version { get; } = etag.ToString(CultureInfo.InvariantCulture);

        public BinaryData Payload { get; } = payload;
    }
}
