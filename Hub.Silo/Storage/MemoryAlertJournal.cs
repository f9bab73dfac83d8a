using System.Collections.Concurrent;
using Hub.Grains.Alerts;
using Hub.Grains.History;

namespace Hub.Silo.Storage;

/// <summary>The alert journal of a single in-memory silo: the latest facts of every alert, lost at exit.</summary>
public sealed class MemoryAlertJournal : IAlertJournal
{
    private readonly ConcurrentDictionary<string, AlertSummary> _alerts = new(StringComparer.Ordinal);

    public Task Record(AlertSummary alert, CancellationToken cancellationToken = default)
    {
        _alerts.AddOrUpdate(alert.Id, alert, (_, known) => known.Version >= alert.Version ? known : alert);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlertSummary>> Find(AlertQuery query, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AlertSummary> found = _alerts.Values
            .Where(query.Matches)
            .OrderByDescending(a => a.At)
            .ThenByDescending(a => a.Id, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToArray();
        return Task.FromResult(found);
    }
}
