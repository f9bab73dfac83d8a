namespace Hub.Dashboard.Api.Views;

/// <summary>The centers' ingest keys inside the admin's scope, revoked ones included.</summary>
/// <param name="Items">Each key.</param>
public sealed record ApiKeyList(IReadOnlyList<ApiKeyView> Items);
