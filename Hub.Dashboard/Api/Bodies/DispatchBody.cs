namespace Hub.Dashboard.Api.Bodies;

/// <summary>派遣: a case sent to a person, or whistled to departments (吹哨).</summary>
public sealed record DispatchBody
{
    /// <summary>Who handles it, at most 100 characters; required when no departments are summoned.</summary>
    public string? Assignee { get; init; }

    /// <summary>Optional; at most 20 department codes, each serving the case's unit or a unit above it. Each is to report in (报到).</summary>
    public IReadOnlyList<string>? Departments { get; init; }

    /// <summary>Optional; kept in the audit trail, at most 2,000 characters, line breaks allowed.</summary>
    public string? Note { get; init; }
}
