namespace Hub.Grains.Ingest;

/// <summary>The bounds of API.md §4.</summary>
public static class IngestLimits
{
    public const int MaxCheckins = 5_000;
    public const int MaxAlerts = 1_000;
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>How far ahead of the hub's clock a reported time may be.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Times before this are taken for a broken device clock, not history.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int MaxIdLength = 128;
    public const int MaxSourceLength = 100;
    public const int MaxCategoryLength = 40;
    public const int MaxTitleLength = 200;
    public const int MaxDetailLength = 2_000;
}
