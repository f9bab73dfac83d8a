namespace Hub.Dashboard.Api.Bodies;

/// <summary>督办: a leader presses a case, raising its supervision one level.</summary>
public sealed record SuperviseBody
{
    /// <summary>Required; what is asked, at most 2,000 characters, line breaks allowed.</summary>
    public required string Note { get; init; }
}
