namespace Hub.Grains.Access;

/// <summary>
/// One person who signs in. The password is kept only as a salted, slow hash. Sessions opened
/// before <see cref="CredentialsSince"/> are void: a password reset or a disable ends them.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.user-account.v1")]
public sealed record UserAccount(
    [property: Id(0)] string Name,
    [property: Id(1)] Role Role,
    [property: Id(2)] string Scope,
    [property: Id(3)] string PasswordHash,
    [property: Id(4)] bool Disabled,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset CredentialsSince,
    [property: Id(10)] string? Department = null,
    [property: Id(11)] string? Worker = null)
{
    /// <summary>User names compare without case: "Admin" and "admin" are one person.</summary>
    public static string KeyOf(string name) => name.ToLowerInvariant();
}
