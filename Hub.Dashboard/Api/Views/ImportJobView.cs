namespace Hub.Dashboard.Api.Views;

/// <summary>历史导入: an import that passed its checks, as it is written or once it ended.</summary>
/// <param name="Job">The import's id (<c>GET /api/v1/import/{job}</c>).</param>
/// <param name="Kind"><c>cases</c> or <c>patrols</c>.</param>
/// <param name="State"><c>writing</c>, <c>done</c> or <c>failed</c>.</param>
/// <param name="Records">Records in the upload.</param>
/// <param name="Written">Records written so far.</param>
/// <param name="Imported">Once done: records that were new.</param>
/// <param name="AlreadyThere">Once done: records already in history (imported before), left as they were.</param>
/// <param name="StartedAt">When writing started.</param>
/// <param name="FinishedAt">When it ended; null while writing.</param>
/// <param name="Error">Why it failed; nothing of it was kept.</param>
public sealed record ImportJobView(
    string Job,
    string Kind,
    string State,
    int Records,
    int Written,
    int? Imported,
    int? AlreadyThere,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error);
