namespace Hub.Dashboard.Api.Bodies;

/// <summary>The signed-in person's new password, with the current one.</summary>
public sealed record PasswordChangeBody
{
    /// <summary>Required; the current password.</summary>
    public required string Current { get; init; }

    /// <summary>Required; the new password, 12 to 128 characters, not the current one.</summary>
    public required string Password { get; init; }
}
