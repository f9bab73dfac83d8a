namespace Hub.Dashboard.Import;

public enum ImportState
{
    Writing,
    Done,
    Failed,
}

/// <summary>
/// One import that passed validation and is being written: how many records, how many written so
/// far and, once done, how many were new (the rest were there already: imported before).
/// </summary>
public sealed class ImportJob(string id, string kind, int records, DateTimeOffset startedAt)
{
    private int _written;

    public string Id { get; } = id;

    public string Kind { get; } = kind;

    public int Records { get; } = records;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public ImportState State { get; private set; } = ImportState.Writing;

    public int Written => Volatile.Read(ref _written);

    public int? Imported { get; private set; }

    public int? AlreadyThere => Imported is { } n ? Records - n : null;

    public string? Error { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public Task Finished => _finished.Task;

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Progress(int written) => Volatile.Write(ref _written, written);

    public void Done(int imported, DateTimeOffset at)
    {
        (Imported, State, FinishedAt) = (imported, ImportState.Done, at);
        _finished.TrySetResult();
    }

    public void Fail(string error, DateTimeOffset at)
    {
        (Error, State, FinishedAt) = (error, ImportState.Failed, at);
        _finished.TrySetResult();
    }
}
