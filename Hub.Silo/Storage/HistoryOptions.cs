using Hub.Grains.Settings;

namespace Hub.Silo.Storage;

/// <summary><c>Hub:History</c>: how long history is kept, and how its reads are fenced off from writes.</summary>
public sealed class HistoryOptions : ICheckedSettings
{
    public const string Section = "Hub:History";

    /// <summary>
    /// Days of check-ins, alert events and handled alerts kept (a year and a month by default, so a
    /// year's assessment can be read to its end). Active alerts are never removed.
    /// </summary>
    public int RetentionDays { get; set; } = 400;

    /// <summary>Connections for history reads (stats, charts, lists), apart from the writes' pool.</summary>
    public int ReadPool { get; set; } = 5;

    /// <summary>A history read that runs longer is cancelled by PostgreSQL and answered 503.</summary>
    public int ReadTimeoutSeconds { get; set; } = 10;

    /// <summary>How often old history is looked for (the first time this long after start, at most a minute).</summary>
    public double PruneEveryMinutes { get; set; } = 60;

    /// <summary>Rows removed per statement when pruning, so retention never holds long locks.</summary>
    public int PruneBatch { get; set; } = 5_000;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        SettingsRange.Check(problems, $"{Section}:RetentionDays", RetentionDays, 1, 36_600, "days");
        SettingsRange.Check(problems, $"{Section}:ReadPool", ReadPool, 1, 100, "connections");
        SettingsRange.Check(problems, $"{Section}:ReadTimeoutSeconds", ReadTimeoutSeconds, 1, 3_600, "seconds");
        SettingsRange.Positive(problems, $"{Section}:PruneEveryMinutes", PruneEveryMinutes, 10_080, "minutes");
        SettingsRange.Check(problems, $"{Section}:PruneBatch", PruneBatch, 1, 1_000_000, "rows");
        return problems;
    }
}
