namespace Hub.Grains.Access;

/// <summary>
/// One session, keyed by the SHA-256 of its bearer token: a stolen database holds no usable
/// token, and any silo finds the session from the token alone.
/// </summary>
[Alias("hub.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    [Alias("open")]
    Task Open(Session session);

    /// <summary>The session while it lasts; null once it expired or was closed.</summary>
    [Alias("get"), ReadOnly]
    Task<Session?> Find(DateTimeOffset now);

    /// <summary>Moves a live session's end out to <paramref name="until"/> (never in); null once it expired or was closed.</summary>
    [Alias("renew")]
    Task<Session?> Renew(DateTimeOffset now, DateTimeOffset until);

    /// <summary>Signs out: the token is void from now on.</summary>
    [Alias("close")]
    Task Close();
}
