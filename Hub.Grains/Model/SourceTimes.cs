namespace Hub.Grains.Model;

/// <summary>
/// When the latest check-in and the latest case report of a subtree happened (their own times):
/// how long each source has been quiet tells a screen whether its figures are still fed.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.source-times")]
public sealed record SourceTimes(DateTimeOffset? Checkin, DateTimeOffset? Alert)
{
    public static readonly SourceTimes None = new(null, null);

    public SourceTimes Latest(SourceTimes? other) =>
        other is null ? this : new(Later(Checkin, other.Checkin), Later(Alert, other.Alert));

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
