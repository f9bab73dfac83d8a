namespace Hub.Grains.Access;

/// <summary>Failed sign-ins in a row for one account from one client address, and the wait they earned.</summary>
[GenerateSerializer, Immutable, Alias("hub.sign-in-failures")]
public sealed record SignInFailures([property: Id(0)] int Count, [property: Id(1)] DateTimeOffset LastAt, [property: Id(2)] DateTimeOffset? LockedUntil)
{
    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public bool IsForgotten(DateTimeOffset now) => now - LastAt > LockoutPolicy.Memory && !IsLocked(now);

    /// <summary>Where failures are kept: the account's key and the address, which has no '|' of its own.</summary>
    public static string KeyOf(string accountKey, string address) => $"{accountKey}|{address}";
}
