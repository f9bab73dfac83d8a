namespace Hub.Dashboard.OpenApi;

/// <summary>
/// The body an endpoint reads by hand (size-limited, checked whole, every fault by path), described
/// for the API document only: declared through <c>Accepts</c> it would be enforced by routing,
/// which answers a wrong content type with a bare 415 instead of the hub's own problem.
/// </summary>
public sealed record RequestBody(Type Shape, IReadOnlyList<string> ContentTypes, string? Description);
