using Hub.Grains.Model;
using Hub.Grains.Settings;

namespace Hub.Grains;

/// <summary>The <c>Hub</c> configuration section that the domain reads (API.md §2, §4, §5).</summary>
public sealed class HubOptions : ICheckedSettings
{
    public const string Section = "Hub";

    /// <summary>The zone whose calendar day "today" means.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Minutes without a check-in after which a worker on duty is lost contact (失联).</summary>
    public double LostContactMinutes { get; set; } = 30;

    public SlaOptions Sla { get; set; } = new();

    public CaseOptions Cases { get; set; } = new();

    /// <summary>The longest time limit a setting may name: a case's clock runs within a year.</summary>
    public static readonly TimeSpan LongestLimit = TimeSpan.FromDays(366);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add($"{Section}:TimeZone '{TimeZone}' is not a time zone this host knows; use an IANA name such as Asia/Shanghai");
        }
        SettingsRange.Positive(problems, $"{Section}:LostContactMinutes", LostContactMinutes, 1_440, "minutes");
        Sla.Ack.Check(problems, $"{Section}:Sla:Ack");
        Sla.Handle.Check(problems, $"{Section}:Sla:Handle");
        Sla.Stage.Accept?.Check(problems, $"{Section}:Sla:Stage:Accept");
        Sla.Stage.Dispatch.Check(problems, $"{Section}:Sla:Stage:Dispatch");
        Sla.Stage.ReportIn.Check(problems, $"{Section}:Sla:Stage:ReportIn");
        Sla.Stage.Handle?.Check(problems, $"{Section}:Sla:Stage:Handle");
        Sla.Stage.Verify.Check(problems, $"{Section}:Sla:Stage:Verify");
        return problems;
    }
}

/// <summary><c>Hub:Cases</c>: how the closed loop runs where the practice differs from place to place.</summary>
public sealed class CaseOptions
{
    /// <summary>Whether <c>close</c> needs a passed 核查 (<c>verified</c>), or also takes <c>resolved</c>.</summary>
    public bool RequireVerify { get; set; } = true;

    /// <summary>The denominator of 返工率: <c>handled</c> (default), <c>raised</c> (立案数) or <c>closed</c>.</summary>
    public ReworkBase ReworkRateOf { get; set; } = ReworkBase.Handled;
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

    /// <summary><c>Hub:Sla:Stage</c>: each stage's limit, for supervision (督办).</summary>
    public StageLimits Stage { get; set; } = new();

    /// <summary>The limit of <paramref name="stage"/> for <paramref name="severity"/>; null: the stage runs without a clock.</summary>
    public TimeSpan? LimitOf(Alerts.CaseStage stage, Severity severity) => stage switch
    {
        Alerts.CaseStage.Accept => (Stage.Accept ?? Ack).For(severity),
        Alerts.CaseStage.Dispatch => Stage.Dispatch.For(severity),
        Alerts.CaseStage.ReportIn => Stage.ReportIn.For(severity),
        Alerts.CaseStage.Handle => (Stage.Handle ?? Handle).For(severity),
        _ => Stage.Verify.For(severity),
    };
}

/// <summary>
/// The limit of each stage per severity. Accepting defaults to the acknowledgement SLA and handling
/// to the handling limit; dispatch, report-in and verification default to figures places publish
/// (Taiyuan: 立案 and 派遣 within 10 minutes for urgent cases, 30 for others; 核查 within an hour;
/// 吹哨报到: on site within 30 minutes).
/// </summary>
public sealed class StageLimits
{
    public SeverityDurations? Accept { get; set; }

    public SeverityDurations Dispatch { get; set; } = new()
    {
        Critical = TimeSpan.FromMinutes(10),
        Major = TimeSpan.FromMinutes(30),
        Minor = TimeSpan.FromMinutes(30),
        Warning = TimeSpan.FromHours(2),
    };

    public SeverityDurations ReportIn { get; set; } = new()
    {
        Critical = TimeSpan.FromMinutes(30),
        Major = TimeSpan.FromMinutes(30),
        Minor = TimeSpan.FromMinutes(30),
        Warning = TimeSpan.FromMinutes(30),
    };

    public SeverityDurations? Handle { get; set; }

    public SeverityDurations Verify { get; set; } = new()
    {
        Critical = TimeSpan.FromHours(1),
        Major = TimeSpan.FromHours(1),
        Minor = TimeSpan.FromHours(4),
        Warning = TimeSpan.FromHours(24),
    };
}

/// <summary>One duration per severity; null means "never".</summary>
public sealed class SeverityDurations
{
    public TimeSpan? Critical { get; set; }
    public TimeSpan? Major { get; set; }
    public TimeSpan? Minor { get; set; }
    public TimeSpan? Warning { get; set; }

    public void Check(List<string> problems, string key)
    {
        SettingsRange.Duration(problems, $"{key}:Critical", Critical, HubOptions.LongestLimit);
        SettingsRange.Duration(problems, $"{key}:Major", Major, HubOptions.LongestLimit);
        SettingsRange.Duration(problems, $"{key}:Minor", Minor, HubOptions.LongestLimit);
        SettingsRange.Duration(problems, $"{key}:Warning", Warning, HubOptions.LongestLimit);
    }

    public TimeSpan? For(Severity severity) => severity switch
    {
        Severity.Critical => Critical,
        Severity.Major => Major,
        Severity.Minor => Minor,
        _ => Warning,
    };
}
