namespace Hub.Grains.Storage;

/// <summary>
/// Durable storage could not take a change, so it was not acknowledged; the caller may retry.
/// The web face answers it with 503 and Retry-After.
/// </summary>
[GenerateSerializer, Alias("hub.storage-unavailable")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
