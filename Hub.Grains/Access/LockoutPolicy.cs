namespace Hub.Grains.Access;

/// <summary>How many failed sign-ins in a row lock an account, and for how long.</summary>
[GenerateSerializer, Immutable, Alias("hub.lockout-policy")]
public sealed record LockoutPolicy([property: Id(0)] int MaxFailures, [property: Id(1)] TimeSpan Duration);
