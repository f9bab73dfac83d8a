namespace Hub.Dashboard.Api.Bodies;

/// <summary>评价: a closed case rated, once.</summary>
public sealed record RateBody
{
    /// <summary>Required; a whole number from 1 to 5.</summary>
    public required int Score { get; init; }

    /// <summary>Optional; kept in the audit trail, at most 2,000 characters, line breaks allowed.</summary>
    public string? Note { get; init; }
}
