using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

/// <summary>An alert as the API shows it (API.md §5, §6): its facts, handling clock and, when asked, its audit trail.</summary>
public sealed record AlertView(
    string Id,
    string Source,
    string SourceId,
    string? Center,
    string Unit,
    IReadOnlyList<string> Path,
    IReadOnlyList<string> PathNames,
    string? Device,
    string Category,
    Severity Severity,
    string? Title,
    string? Detail,
    DateTimeOffset At,
    DateTimeOffset LastAt,
    int Occurrences,
    AlertState State,
    bool Active,
    bool Cleared,
    string? EscalatedTo,
    string? Assignee,
    string LastBy,
    DateTimeOffset ChangedAt,
    int Reworks,
    int? Rating,
    IReadOnlyList<PartView>? Parts,
    StageView? Stage,
    DateTimeOffset? HandleDeadline,
    double? HandleUsed,
    IReadOnlyList<AuditEntry>? Audit,
    IReadOnlyList<TimelineStage>? Timeline = null);

/// <summary>
/// 督办: the stage a case waits in, since when, until when, how much of its limit is used, whether
/// it is overdue, the supervision level reached (0, 1 黄牌, 2 红牌) and, at 2, the unit it is raised to.
/// </summary>
public sealed record StageView(
    CaseStage Name,
    DateTimeOffset Since,
    DateTimeOffset? Deadline,
    double? Used,
    bool Overdue,
    int Supervision,
    string? SupervisedTo);

/// <summary>A summoned department's part as the API shows it: the stored part with the department's name, and whether it is past its report-in deadline.</summary>
public sealed record PartView(
    string Department,
    string Name,
    PartState State,
    DateTimeOffset SummonedAt,
    DateTimeOffset? ReportedAt,
    DateTimeOffset? DoneAt,
    DateTimeOffset? Deadline,
    bool Overdue);
