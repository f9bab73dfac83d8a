using Hub.Grains.Alerts;

namespace Hub.Dashboard.Api.Views;

/// <summary>A batch of alerts taken on: what became of each, in the order sent.</summary>
/// <param name="Results">Each alert's source id, the alert it is now part of and whether it was created, a duplicate or merged.</param>
public sealed record AlertBatchResult(IReadOnlyList<RaiseResult> Results);
