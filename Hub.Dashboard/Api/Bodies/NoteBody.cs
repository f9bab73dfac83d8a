namespace Hub.Dashboard.Api.Bodies;

/// <summary>An action on a case that may say something; the body may be empty.</summary>
public sealed record NoteBody
{
    /// <summary>Optional; kept in the audit trail, at most 2,000 characters, line breaks allowed.</summary>
    public string? Note { get; init; }
}
