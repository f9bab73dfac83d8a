namespace Hub.Grains.Alerts;

public enum SenderKind
{
    /// <summary>A governance center, through one of its API keys.</summary>
    Center,

    /// <summary>A signed-in admin who posted alerts by hand.</summary>
    Person,

    /// <summary>The hub itself (lost contact).</summary>
    Hub,
}

/// <summary>
/// Who reported an alert. Part of the alert's identity: the same (source, sourceId) from two
/// senders are two alerts, so no center can shadow, merge into or clear another's (API.md §4).
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.sender")]
public sealed record Sender([property: Id(0)] SenderKind Kind, [property: Id(1)] string Name, [property: Id(2)] string? KeyId = null)
{
    public static readonly Sender Hub = new(SenderKind.Hub, Actors.Hub);

    public static Sender Center(string center, string keyId) => new(SenderKind.Center, center, keyId);

    public static Sender Person(string user) => new(SenderKind.Person, user);

    /// <summary>The sender as one text, kinds kept apart: a center named like a user is still another sender.</summary>
    public string Identity => Kind switch
    {
        SenderKind.Center => "center:" + Name,
        SenderKind.Person => "user:" + Name,
        _ => Actors.Hub,
    };

    /// <summary>The sender an <see cref="Identity"/> names; null for text that is none.</summary>
    public static Sender? Parse(string? identity, string? keyId = null) => identity switch
    {
        null => null,
        Actors.Hub => Hub,
        _ when identity.StartsWith("center:", StringComparison.Ordinal) => Center(identity["center:".Length..], keyId ?? ""),
        _ when identity.StartsWith("user:", StringComparison.Ordinal) => Person(identity["user:".Length..]),
        _ => null,
    };

    /// <summary>Whether this sender may change an alert <paramref name="reporter"/> raised: a center only its own; people and the hub any in their scope.</summary>
    public bool MayChange(Sender? reporter) => Kind != SenderKind.Center || reporter is null || reporter.Identity == Identity;
}
