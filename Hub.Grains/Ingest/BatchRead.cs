namespace Hub.Grains.Ingest;

/// <summary>A batch as read: the items, or every problem found in it (then nothing may be applied).</summary>
public sealed record BatchRead<T>(IReadOnlyList<T> Items, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
