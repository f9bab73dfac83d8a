namespace Hub.Dashboard.Wire;

/// <summary>
/// A batch as read: its items when it may be applied whole; else none, with every problem found in
/// it and everything it named outside the sender's scope.
/// </summary>
public sealed record BatchRead<T>(IReadOnlyList<T> Items, IReadOnlyList<string> Errors, IReadOnlyList<string> Outside)
{
    public bool IsValid => Errors.Count == 0;

    public bool IsInScope => Outside.Count == 0;
}

public static class BatchRead
{
    /// <summary>The items only if nothing was wrong and nothing outside the scope: a batch is applied whole or not at all.</summary>
    public static BatchRead<T> Of<T>(IReadOnlyList<T> items, IReadOnlyList<string> errors, ScopeFence fence) =>
        errors.Count == 0 && fence.Outside.Count == 0 ? new(items, errors, fence.Outside) : new([], errors, fence.Outside);
}
