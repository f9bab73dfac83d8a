using Hub.Grains.Ingest;

namespace Hub.Dashboard.Ingest;

/// <summary>How much check-in traffic the hub takes on (<c>Hub:Ingest</c>); alerts are never held back by these.</summary>
public sealed class IngestOptions : Hub.Grains.Settings.ICheckedSettings
{
    public const string Section = "Hub:Ingest";

    /// <summary>
    /// Check-ins being applied at once across the silo. Past it a batch is refused with 503 and
    /// Retry-After rather than queued: a queue without bound would make every later alert wait behind it.
    /// </summary>
    public int MaxCheckinsInFlight { get; set; } = 20_000;

    /// <summary>
    /// Grid calls the silo's admitted check-ins make at once (a batch makes one per grid it touches).
    /// Bounds the work an alert can find queued ahead of it when a batch spreads over many grids.
    /// </summary>
    public int MaxGridCallsInFlight { get; set; } = 200;

    /// <summary>
    /// Check-in requests being read and applied at once. Past it a request is refused with 503 before
    /// its body is read, so that a flood costs the hub almost nothing to turn away.
    /// </summary>
    public int MaxCheckinRequests { get; set; } = 8;

    /// <summary>Check-ins per second one center key may send, on average.</summary>
    public int KeyCheckinsPerSecond { get; set; } = 5_000;

    /// <summary>Check-ins one center key may send at once before the average applies.</summary>
    public int KeyCheckinBurst { get; set; } = 20_000;

    /// <summary>What is wrong with these settings, by key; empty when they can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxCheckinsInFlight < IngestLimits.MaxCheckins)
        {
            problems.Add($"{Section}:MaxCheckinsInFlight must be at least {IngestLimits.MaxCheckins} (one whole batch); it is {MaxCheckinsInFlight}");
        }
        if (KeyCheckinBurst < IngestLimits.MaxCheckins)
        {
            problems.Add($"{Section}:KeyCheckinBurst must be at least {IngestLimits.MaxCheckins} (one whole batch); it is {KeyCheckinBurst}");
        }
        if (MaxGridCallsInFlight < 1)
        {
            problems.Add($"{Section}:MaxGridCallsInFlight must be at least 1; it is {MaxGridCallsInFlight}");
        }
        if (MaxCheckinRequests < 1)
        {
            problems.Add($"{Section}:MaxCheckinRequests must be at least 1; it is {MaxCheckinRequests}");
        }
        if (KeyCheckinsPerSecond < 1)
        {
            problems.Add($"{Section}:KeyCheckinsPerSecond must be at least 1; it is {KeyCheckinsPerSecond}");
        }
        return problems;
    }
}
