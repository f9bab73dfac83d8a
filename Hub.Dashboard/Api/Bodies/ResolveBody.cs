namespace Hub.Dashboard.Api.Bodies;

/// <summary>处置: a case handled, or one summoned department's part of it done.</summary>
public sealed record ResolveBody
{
    /// <summary>Required; what was done, at most 2,000 characters, line breaks allowed.</summary>
    public required string Note { get; init; }

    /// <summary>
    /// The department whose part is done: required on a case with departments' parts, refused on one without.
    /// A department's user may name only their own, and is taken to mean it.
    /// </summary>
    public string? Department { get; init; }
}
