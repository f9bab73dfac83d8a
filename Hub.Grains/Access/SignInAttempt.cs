namespace Hub.Grains.Access;

/// <summary>
/// A sign-in that may go on to check the password (<see cref="Account"/> set), or one refused
/// because the account is locked until <see cref="LockedUntil"/>. Neither set: no such user.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.sign-in-attempt")]
public sealed record SignInAttempt([property: Id(0)] UserAccount? Account, [property: Id(1)] DateTimeOffset? LockedUntil);
