namespace Hub.Dashboard.Api.Bodies;

/// <summary>A grid worker's first sign-in on their phone, with the code an officer gave them.</summary>
public sealed record EnrolBody
{
    /// <summary>Required; the worker's id in the topology.</summary>
    public required string Worker { get; init; }

    /// <summary>Required; the eight-digit code, used once, within a day of being issued.</summary>
    public required string Code { get; init; }

    /// <summary>Required; the worker's new password, 12 to 128 characters.</summary>
    public required string Password { get; init; }
}
