using Hub.Grains.Model;

namespace Hub.Grains;

/// <summary>The <c>Hub</c> configuration section that the domain reads (API.md §2, §4, §5).</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>The zone whose calendar day "today" means.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Minutes without a check-in after which a worker on duty is lost contact (失联).</summary>
    public double LostContactMinutes { get; set; } = 30;

    public SlaOptions Sla { get; set; } = new();

    public CaseOptions Cases { get; set; } = new();
}

/// <summary><c>Hub:Cases</c>: how the closed loop runs where the practice differs from place to place.</summary>
public sealed class CaseOptions
{
    /// <summary>Whether <c>close</c> needs a passed 核查 (<c>verified</c>), or also takes <c>resolved</c>.</summary>
    public bool RequireVerify { get; set; } = true;

    /// <summary>The denominator of 返工率: <c>handled</c> (default), <c>raised</c> (立案数) or <c>closed</c>.</summary>
    public ReworkBase ReworkRateOf { get; set; } = ReworkBase.Handled;

    /// <summary>Minutes a summoned department has to report in (吹哨报到: on site within 30 minutes in Pinggu's rule).</summary>
    public double ReportInMinutes { get; set; } = 30;
}

/// <summary>What 返工率 is a share of; places differ (DOMAIN.md).</summary>
public enum ReworkBase
{
    Handled,
    Raised,
    Closed,
}

/// <summary>Time limits per severity: to acknowledge before escalating, and to handle.</summary>
public sealed class SlaOptions
{
    public SeverityDurations Ack { get; set; } = new()
    {
        Critical = TimeSpan.FromMinutes(2),
        Major = TimeSpan.FromMinutes(10),
        Minor = TimeSpan.FromMinutes(60),
        Warning = null,
    };

    public SeverityDurations Handle { get; set; } = new()
    {
        Critical = TimeSpan.FromHours(1),
        Major = TimeSpan.FromHours(4),
        Minor = TimeSpan.FromHours(24),
        Warning = TimeSpan.FromHours(72),
    };
}

/// <summary>One duration per severity; null means "never".</summary>
public sealed class SeverityDurations
{
    public TimeSpan? Critical { get; set; }
    public TimeSpan? Major { get; set; }
    public TimeSpan? Minor { get; set; }
    public TimeSpan? Warning { get; set; }

    public TimeSpan? For(Severity severity) => severity switch
    {
        Severity.Critical => Critical,
        Severity.Major => Major,
        Severity.Minor => Minor,
        _ => Warning,
    };
}
