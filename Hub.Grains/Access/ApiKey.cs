namespace Hub.Grains.Access;

/// <summary>
/// A center's key for ingest. Only the SHA-256 of its secret is kept: the secret is random and
/// long, so a fast hash is enough, and the key is shown once when it is made.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.api-key.v1")]
public sealed record ApiKey(
    [property: Id(0)] string Id,
    [property: Id(1)] string Center,
    [property: Id(2)] string Scope,
    [property: Id(3)] string SecretHash,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset? RevokedAt = null,
    [property: Id(7)] DateTimeOffset? LastUsedAt = null)
{
    /// <summary>How finely a key's last use is kept: a busy key costs one write an hour, not one a request.</summary>
    public static readonly TimeSpan UseResolution = TimeSpan.FromHours(1);

    public bool Revoked => RevokedAt is not null;

    /// <summary>Whether a use at <paramref name="now"/> is worth recording.</summary>
    public bool UseIsNews(DateTimeOffset now) => LastUsedAt is not { } last || now - last >= UseResolution;
}

/// <summary>The durable state of the keys grain. The alias is the stored type name: keep it stable.</summary>
[GenerateSerializer, Alias("hub.api-keys-state.v1")]
public sealed class ApiKeysState
{
    [Id(0)]
    public Dictionary<string, ApiKey> Keys { get; set; } = new(StringComparer.Ordinal);
}
