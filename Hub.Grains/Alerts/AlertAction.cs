namespace Hub.Grains.Alerts;

/// <summary>What a duty officer does to a case (API.md §5 and the closed loop of docs/API.md).</summary>
public enum AlertAction
{
    Acknowledge,
    Dispatch,
    Resolve,
    Close,

    /// <summary>不予立案.</summary>
    Reject,

    /// <summary>核查: passed, or failed and back for rework (返工).</summary>
    Verify,

    /// <summary>评价: a score once the case is closed.</summary>
    Rate,

    /// <summary>报到: a summoned department is on the case.</summary>
    ReportIn,

    /// <summary>督办 by a leader: the case's supervision goes one level up (黄牌, then 红牌), with the leader's words.</summary>
    Supervise,
}

/// <summary>
/// A duty officer's action with its author and words, and the scope the author acts in: an alert
/// outside it answers as unknown, so the check and the action are one call. <see cref="Departments"/>
/// are summoned by a dispatch; <see cref="Department"/> is the part a report-in or resolve is about;
/// <see cref="ActingDepartment"/> is set when the author is a department's user, who sees and acts
/// on that department's cases only.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.alert-command")]
public sealed record AlertCommand(
    AlertAction Action,
    string Actor,
    string? Note,
    string? Assignee = null,
    string Scope = Access.Jurisdiction.Everything,
    bool? Passed = null,
    int? Score = null,
    IReadOnlyList<string>? Departments = null,
    string? Department = null,
    string? ActingDepartment = null);
