using Orleans.Storage;

namespace Hub.Grains.Storage;

/// <summary>
/// A grain's state read and written straight through the hub's <see cref="IGrainStorage"/>, for the
/// grain every check-in reaches: Orleans' <c>IPersistentState</c> queues each write behind a lock
/// and a forced hop through the grain's scheduler, which a grid paid on every batch. Stored under
/// the same name and key as a <c>[PersistentState]</c> of that name, so states stored either way
/// read the same. Writes are not queued: the grain's turns order them.
/// </summary>
public sealed class DirectState<T>(IGrainStorage storage, string name, GrainId grain)
    where T : class, new()
{
    private readonly GrainState<T> _stored = new(new T());

    /// <summary>The state as last read or written; a fresh one until something is stored.</summary>
    public T State => _stored.State ??= new T();

    public Task Read() => storage.ReadStateAsync(name, grain, _stored);

    public Task Write() => storage.WriteStateAsync(name, grain, _stored);
}
