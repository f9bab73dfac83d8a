namespace Hub.Grains.Storage;

/// <summary>
/// Runs a write that an acknowledgement depends on. If it fails, the caller gets a
/// <see cref="StorageUnavailableException"/> (answered 503) rather than a false acknowledgement.
/// Each grain decides what its memory should hold after a failed write.
/// </summary>
public static class Durably
{
    public static async Task Write(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not OperationCanceledException and not StorageUnavailableException)
        {
            throw new StorageUnavailableException($"storage did not take the change: {e.GetType().Name}: {e.Message}");
        }
    }
}
