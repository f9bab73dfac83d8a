namespace Hub.Dashboard.Api.Views;

/// <summary>A center's new ingest key, with its secret: the only time the secret is shown.</summary>
/// <param name="Id">The key's id (for listing and revoking it).</param>
/// <param name="Key">The secret to send in <c>X-Api-Key</c>; not stored, never shown again.</param>
/// <param name="Center">The governance center the key is for.</param>
/// <param name="Scope">The unit the key may send for, or <c>*</c> for the whole topology.</param>
/// <param name="CreatedAt">When the key was made.</param>
public sealed record NewApiKeyView(string Id, string Key, string Center, string Scope, DateTimeOffset CreatedAt);
