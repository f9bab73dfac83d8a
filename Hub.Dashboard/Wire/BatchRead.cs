using System.Text.Json;

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
    /// <summary>
    /// Reads each entry of a batch through <paramref name="read"/> (null for an entry with a
    /// problem), named by its position (<c>[3]</c>). The items are kept only if nothing was wrong
    /// and nothing lay outside the scope: a batch is applied whole or not at all.
    /// </summary>
    public static BatchRead<T> Each<T>(JsonElement batch, ScopeFence fence, Func<JsonFields, string, T?> read)
        where T : class
    {
        var errors = new List<string>();
        var items = new List<T>(batch.GetArrayLength());
        var i = 0;
        foreach (var element in batch.EnumerateArray())
        {
            var item = $"[{i++}]";
            var fields = new JsonFields(element, item, errors);
            if (fields.IsObject && read(fields, item) is { } value)
            {
                items.Add(value);
            }
        }
        return errors.Count == 0 && fence.Outside.Count == 0 ? new(items, errors, fence.Outside) : new([], errors, fence.Outside);
    }
}
