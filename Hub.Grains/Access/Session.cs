namespace Hub.Grains.Access;

/// <summary>One signed-in session: whose, since when, until when. Stored under a hash of its token, never the token.</summary>
[GenerateSerializer, Immutable, Alias("hub.session.v1")]
public sealed record Session(
    [property: Id(0)] string User,
    [property: Id(1)] DateTimeOffset IssuedAt,
    [property: Id(2)] DateTimeOffset ExpiresAt);

/// <summary>The durable state of a session grain. The alias is the stored type name: keep it stable.</summary>
[GenerateSerializer, Alias("hub.session-state.v1")]
public sealed class SessionState
{
    [Id(0)]
    public Session? Session { get; set; }
}
