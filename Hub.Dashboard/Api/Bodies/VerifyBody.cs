namespace Hub.Dashboard.Api.Bodies;

/// <summary>核查: a resolved case checked; failed, it goes back to work.</summary>
public sealed record VerifyBody
{
    /// <summary>Required; whether the handling passed the check.</summary>
    public required bool Passed { get; init; }

    /// <summary>Optional; kept in the audit trail, at most 2,000 characters, line breaks allowed.</summary>
    public string? Note { get; init; }
}
