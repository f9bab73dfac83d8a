using Hub.Grains.Alerts;

namespace Hub.Grains.History;

/// <summary>
/// Where every alert's latest facts are kept for lists and history. The silo supplies it: in
/// memory for a single demo silo, in PostgreSQL for a durable cluster.
/// </summary>
public interface IAlertJournal
{
    /// <summary>Keeps <paramref name="alert"/> as it now is and <paramref name="change"/> as one more lifecycle event; durable when it returns.</summary>
    Task Record(AlertSummary alert, AuditEntry change, CancellationToken cancellationToken = default);

    /// <summary>Alerts in the subtree of <see cref="AlertQuery.Unit"/>, newest first.</summary>
    Task<IReadOnlyList<AlertSummary>> Find(AlertQuery query, CancellationToken cancellationToken = default);
}
