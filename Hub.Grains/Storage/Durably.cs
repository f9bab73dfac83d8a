namespace Hub.Grains.Storage;

/// <summary>
/// Runs a write that an acknowledgement depends on. If it fails, the grain is deactivated (its memory
/// may now be ahead of storage, and the next call must start again from what is stored) and the
/// caller gets a <see cref="StorageUnavailableException"/> rather than a false acknowledgement.
/// </summary>
public static class Durably
{
    public static async Task Write(IGrainBase grain, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            grain.DeactivateOnIdle();
            throw e as StorageUnavailableException ?? new StorageUnavailableException($"storage did not take the change: {e.GetType().Name}: {e.Message}");
        }
    }
}
