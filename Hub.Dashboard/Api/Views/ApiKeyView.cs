namespace Hub.Dashboard.Api.Views;

/// <summary>A center's ingest key as listed: never its secret.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Center">The governance center the key is for.</param>
/// <param name="Scope">The unit the key may send for, or <c>*</c> for the whole topology.</param>
/// <param name="CreatedAt">When the key was made.</param>
/// <param name="CreatedBy">The admin who made it.</param>
/// <param name="LastUsedAt">When it was last used, to the hour; null if never.</param>
/// <param name="Revoked">Whether it is revoked.</param>
/// <param name="RevokedAt">When it was revoked; null while it is not.</param>
public sealed record ApiKeyView(
    string Id,
    string Center,
    string Scope,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? LastUsedAt,
    bool Revoked,
    DateTimeOffset? RevokedAt);
