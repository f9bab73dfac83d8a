using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

/// <summary>One alert, keyed by its id (<see cref="AlertIds"/>); also the dedup memory of its (source, sourceId).</summary>
[Alias("hub.IAlertGrain")]
public interface IAlertGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a report. When <paramref name="mergeInto"/> names an active alert of the same
    /// device and category, the report is merged there instead of creating this alert.
    /// </summary>
    [Alias("register")]
    Task<RaiseResult> Register(AlertReport report, string owner, IReadOnlyList<string> path, string? mergeInto);

    /// <summary>Counts one more occurrence; null when this alert is no longer active.</summary>
    [Alias("merge")]
    Task<AlertEntry?> Merge(AlertReport report);

    [Alias("act")]
    Task<ActionResult> Act(AlertCommand command);

    /// <summary>
    /// The source says the condition has ended. An alert outside <paramref name="scope"/>, or
    /// another center's, answers as unknown.
    /// </summary>
    [Alias("clear")]
    Task<ActionResult> Clear(Sender by, string scope);

    [Alias("get"), ReadOnly]
    Task<ActionResult> Read();

    /// <summary>What the holding unit counts, for reconciling after a restart; null if not an alert.</summary>
    [Alias("entry"), ReadOnly]
    Task<AlertEntry?> GetEntry();
}
