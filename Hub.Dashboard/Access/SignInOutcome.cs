using Hub.Grains.Access;

namespace Hub.Dashboard.Access;

/// <summary>How a sign-in ended: a session and its token, a refusal, or a lockout with the time left.</summary>
public sealed record SignInOutcome(string? Token, Session? Session, UserAccount? Account, TimeSpan? LockedFor)
{
    public static readonly SignInOutcome Refused = new(null, null, null, null);

    public bool Succeeded => Token is not null;
}
