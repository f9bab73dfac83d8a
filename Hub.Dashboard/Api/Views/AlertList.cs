using Hub.Grains.Alerts;

namespace Hub.Dashboard.Api.Views;

/// <summary>Alerts and cases in the caller's scope as asked for (without their audit trails).</summary>
/// <param name="Items">Each alert, newest first or most important first.</param>
public sealed record AlertList(IReadOnlyList<AlertView> Items);
