using Hub.Grains.Model;

namespace Hub.Dashboard.Api.Bodies;

/// <summary>
/// One finished or abandoned case of an old platform (历史案件导入): the stages it reached, with their own
/// times. Times carry an offset, none in the future, each stage not before the one before it.
/// </summary>
public sealed record ImportedCase
{
    /// <summary>Required; the center that reported it, a code. With <c>sourceId</c> it names the case: sent again, it is the same case.</summary>
    public required string Center { get; init; }

    /// <summary>Required; the case's id at its source, at most 200 characters.</summary>
    public required string SourceId { get; init; }

    /// <summary>Required; a unit of the topology, inside the admin's scope.</summary>
    public required string Unit { get; init; }

    /// <summary>Required; at most 40 characters.</summary>
    public required string Category { get; init; }

    /// <summary>Required.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Optional; at most 200 characters.</summary>
    public string? Title { get; init; }

    /// <summary>Required; when it was reported.</summary>
    public required DateTimeOffset ReportedAt { get; init; }

    /// <summary>Optional; when it was accepted (受理).</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Optional; when it was dispatched.</summary>
    public DateTimeOffset? DispatchedAt { get; init; }

    /// <summary>Optional; when it was resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Optional; when it was verified.</summary>
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>Optional; when it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Optional; when it was rejected (不予立案), not before it was reported; such a case was never dispatched, resolved, verified or closed.</summary>
    public DateTimeOffset? RejectedAt { get; init; }

    /// <summary>Optional; 1 to 5, for a closed case only.</summary>
    public int? Rating { get; init; }
}
