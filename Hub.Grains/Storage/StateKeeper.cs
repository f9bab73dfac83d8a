namespace Hub.Grains.Storage;

/// <summary>
/// Writes one grain's state so that an acknowledgement can wait for it. A change whose write failed
/// stays in memory (it may be acknowledged only once stored); a retry that finds nothing new must
/// still store it before answering (<see cref="SaveIfBehind"/>).
/// </summary>
public sealed class StateKeeper(IGrainBase owner, Func<Task> write)
{
    /// <summary>True while memory holds changes that storage has not taken.</summary>
    private bool _behind;

    public async Task Save()
    {
        _behind = true;
        await Durably.Write(owner, write);
        _behind = false;
    }

    public Task SaveIfBehind() => _behind ? Save() : Task.CompletedTask;
}
