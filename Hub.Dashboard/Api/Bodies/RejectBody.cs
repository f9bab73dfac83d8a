namespace Hub.Dashboard.Api.Bodies;

/// <summary>不予立案: a case not taken on, and why.</summary>
public sealed record RejectBody
{
    /// <summary>Required; why, at most 2,000 characters, line breaks allowed.</summary>
    public required string Reason { get; init; }
}
