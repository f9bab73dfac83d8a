using System.Collections.Concurrent;
using Hub.Grains.Alerts;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Time;

namespace Hub.Silo.Storage.Memory;

/// <summary>
/// History for a single in-memory silo: every alert's latest facts and lifecycle events and every
/// check-in, answering the same questions as the PostgreSQL history. Lost when the process exits.
/// </summary>
public sealed class MemoryHistory(HubClock clock) : IAlertJournal, ICheckinJournal, IHistoryStats, IHistoryRetention, IHistoryImport
{
    private readonly ConcurrentDictionary<string, AlertSummary> _alerts = new(StringComparer.Ordinal);
    private readonly MemoryCheckins _checkins = new();

    private List<CheckinRecord> Checkins => _checkins.All();

    public Task Record(AlertSummary alert, AuditEntry change, CancellationToken cancellationToken = default)
    {
        // The change itself is in the alert's own audit trail; nothing here reads events back.
        _alerts.AddOrUpdate(alert.Id, alert, (_, known) => known.Version >= alert.Version ? known : alert);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlertSummary>> Find(AlertQuery query, CancellationToken cancellationToken = default)
    {
        var matching = _alerts.Values.Where(a => query.Matches(a, clock.DayOf(a.At)));
        var now = clock.Now;
        IReadOnlyList<AlertSummary> found = (query.ByImportance
                ? matching.OrderBy(a => AlertQuery.ImportanceOf(a, now)).ThenByDescending(a => a.Id, StringComparer.Ordinal)
                : matching.OrderByDescending(a => a.At).ThenByDescending(a => a.Id, StringComparer.Ordinal))
            .Take(query.Limit)
            .ToArray();
        return Task.FromResult(found);
    }

    public Task Record(IReadOnlyList<CheckinRecord> checkins, CancellationToken cancellationToken = default)
    {
        _checkins.Record(checkins);
        return Task.CompletedTask;
    }

    public async Task<int> ImportCases(IAsyncEnumerable<AlertSummary> cases, Action<int>? written = null, CancellationToken cancellationToken = default)
    {
        // Read whole first: nothing is kept unless everything was read.
        var all = new List<AlertSummary>();
        await foreach (var c in cases.WithCancellation(cancellationToken))
        {
            all.Add(c);
        }
        var added = all.Count(c => _alerts.TryAdd(c.Id, c));
        written?.Invoke(all.Count);
        return added;
    }

    public async Task<int> ImportPatrols(IAsyncEnumerable<CheckinRecord> visits, Action<int>? written = null, CancellationToken cancellationToken = default)
    {
        var all = new List<CheckinRecord>();
        await foreach (var v in visits.WithCancellation(cancellationToken))
        {
            all.Add(v);
        }
        var added = _checkins.Record(all);
        written?.Invoke(all.Count);
        return added;
    }

    public Task<int> Prune(DateOnly before, int batch, CancellationToken cancellationToken = default)
    {
        var removed = _checkins.Prune(before);
        foreach (var old in _alerts.Values.Where(a => !a.State.IsActive() && clock.DayOf(a.At) < before).ToArray())
        {
            removed += _alerts.TryRemove(old.Id, out _) ? 1 : 0;
        }
        return Task.FromResult(removed);
    }

    public Task<IReadOnlyList<DayHistory>> Days(string unit, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        var alerts = _alerts.Values
            .Where(a => a.Path.Contains(unit, StringComparer.Ordinal))
            .Select(a => (Day: clock.DayOf(a.At), Alert: a))
            .Where(x => x.Day >= firstDay && x.Day <= lastDay)
            .GroupBy(x => x.Day)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Alert).ToArray());
        var checkins = Checkins
            .Where(c => c.Day >= firstDay && c.Day <= lastDay && c.Path.Contains(unit, StringComparer.Ordinal))
            .GroupBy(c => c.Day)
            .ToDictionary(g => g.Key, g => g.ToArray());
        IReadOnlyList<DayHistory> days = alerts.Keys.Union(checkins.Keys).Order().Select(day =>
        {
            var all = alerts.GetValueOrDefault(day) ?? [];
            var a = all.Where(x => x.State.Counts()).ToArray();
            var c = checkins.GetValueOrDefault(day) ?? [];
            return new DayHistory(
                day,
                a.Length,
                a.Count(x => x.State.IsHandled()),
                a.Count(x => x.State.IsHandled() && x.HandledAt is { } handled && (x.HandleDeadline is not { } due || handled <= due)),
                a.Count(x => x.State == AlertState.Closed),
                c.Length,
                c.Count(x => x.Kind == CheckinKind.Patrol),
                c.Where(x => x.Target is not null).Select(x => x.Target).Distinct(StringComparer.Ordinal).Count())
            {
                Rejected = all.Length - a.Length,
                Reworked = a.Count(x => x.Reworks > 0),
                Rated = a.Count(x => x.Rating is not null),
                RatingSum = a.Sum(x => x.Rating ?? 0),
                YellowCards = a.Sum(x => x.YellowCards),
                RedCards = a.Sum(x => x.RedCards),
                Stages = a.Aggregate(StageTally.Empty, (sum, x) => sum.Plus(x.Stages)),
            };
        }).ToArray();
        return Task.FromResult(days);
    }

    public Task<IReadOnlyList<PatrolVisits>> PatrolVisits(string unit, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PatrolVisits> visits = Checkins
            .Where(c => c.Kind == CheckinKind.Patrol && c.Target is not null && c.Day >= firstDay && c.Day <= lastDay && c.Path.Contains(unit, StringComparer.Ordinal))
            .GroupBy(c => (c.Target!, c.Day))
            .Select(g => new PatrolVisits(g.Key.Item1, g.Key.Day, g.Count()))
            .ToArray();
        return Task.FromResult(visits);
    }

    public Task<IReadOnlyList<HourHistory>> Hours(string unit, DateTimeOffset firstHour, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var alerts = _alerts.Values
            .Where(a => a.At >= firstHour && a.At < until && a.Path.Contains(unit, StringComparer.Ordinal))
            .GroupBy(a => HourOf(a.At))
            .ToDictionary(g => g.Key, g => g.ToArray());
        var checkins = Checkins
            .Where(c => c.At >= firstHour && c.At < until && c.Path.Contains(unit, StringComparer.Ordinal))
            .GroupBy(c => HourOf(c.At))
            .ToDictionary(g => g.Key, g => g.ToArray());
        IReadOnlyList<HourHistory> hours = alerts.Keys.Union(checkins.Keys).Order().Select(hour =>
        {
            var a = alerts.GetValueOrDefault(hour) ?? [];
            var c = checkins.GetValueOrDefault(hour) ?? [];
            return new HourHistory(
                hour,
                a.Count(x => x.Severity == Severity.Critical),
                a.Count(x => x.Severity == Severity.Major),
                a.Count(x => x.Severity == Severity.Minor),
                a.Count(x => x.Severity == Severity.Warning),
                c.Length,
                c.Count(x => x.Kind == CheckinKind.Patrol));
        }).ToArray();
        return Task.FromResult(hours);
    }
}
