namespace Hub.Dashboard.OpenApi;

/// <summary>
/// Every refusal's body (RFC 7807, <c>application/problem+json</c>): what is wrong in words, and
/// for a request with several faults each by its JSON path. A conflict also names the case's state
/// and who moved it there, and when.
/// </summary>
/// <param name="Errors">Each problem by its JSON path: <c>[3].unit: unknown unit 'X'</c>.</param>
/// <param name="State">On 409: the state the case is in.</param>
/// <param name="By">On 409: who moved it there.</param>
/// <param name="At">On 409: when.</param>
public sealed record HubProblem(
    string? Type,
    string Title,
    int Status,
    string? Detail,
    IReadOnlyList<string>? Errors,
    string? State,
    string? By,
    DateTimeOffset? At,
    string? TraceId);
