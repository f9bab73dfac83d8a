namespace Hub.Dashboard.Api.Bodies;

/// <summary>报到: a summoned department reports in on a case.</summary>
public sealed record ReportInBody
{
    /// <summary>Optional; kept in the audit trail, at most 2,000 characters, line breaks allowed.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// The department reporting in, summoned to the case: required, except from a department's user,
    /// who may name only their own and is taken to mean it.
    /// </summary>
    public string? Department { get; init; }
}
