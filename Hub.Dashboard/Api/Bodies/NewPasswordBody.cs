namespace Hub.Dashboard.Api.Bodies;

/// <summary>A password an admin sets for a user.</summary>
public sealed record NewPasswordBody
{
    /// <summary>Required; the new password, 12 to 128 characters.</summary>
    public required string Password { get; init; }
}
