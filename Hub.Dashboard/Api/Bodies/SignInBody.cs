namespace Hub.Dashboard.Api.Bodies;

/// <summary>A person signing in.</summary>
public sealed record SignInBody
{
    /// <summary>Required; the user name, a code (1–64 of A-Z a-z 0-9 _ . -), compared without case.</summary>
    public required string User { get; init; }

    /// <summary>Required; the password, at most 128 characters.</summary>
    public required string Password { get; init; }
}
