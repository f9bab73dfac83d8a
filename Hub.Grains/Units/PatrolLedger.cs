using Hub.Grains.Model;

namespace Hub.Grains.Units;

/// <summary>
/// A grid's patrol record and the rules its check-ins follow: which are new (an id counts once,
/// across several requests in the order given), what a new one counts toward (its day's check-ins
/// at its unit, a visit to the target it covers, the latest check-in and patrol at its unit), and
/// what ages out (ids after <see cref="RetainedDays"/> days, figures after
/// <see cref="RetainedFigureDays"/>). A view over the grid's stored state: the grain keeps the
/// writing and reading of it.
/// </summary>
public sealed class PatrolLedger(GridState state)
{
    /// <summary>Days of check-in ids kept for late arrivals and resends.</summary>
    public const int RetainedDays = 7;

    /// <summary>Days of check-in figures kept: a month's, for the monthly patrol plans' progress.</summary>
    public const int RetainedFigureDays = 31;

    private DateOnly _prunedOn;

    /// <summary>Ids counted here whose write has not been confirmed yet.</summary>
    private readonly HashSet<string> _unconfirmed = new(StringComparer.Ordinal);

    /// <summary>The ids seen, as the state stores them.</summary>
    public CheckinLedger Seen => state.Seen;

    /// <summary>
    /// The check-ins not seen before, in the order given, and each group's answer: of two groups
    /// carrying one id, the first counts it and the second has a duplicate. A check-in without an
    /// id is always new. One counted by a call whose write failed (its caller was refused) is not
    /// new, but is answered as accepted until a write has stored it (<see cref="Confirmed"/>): the
    /// caller's resend is its first acknowledgement.
    /// </summary>
    public (List<CheckinReport> Fresh, CheckinResult[] Results) New(IReadOnlyList<IReadOnlyList<CheckinReport>> groups)
    {
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<CheckinReport>();
        var results = new CheckinResult[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var taken = 0;
            foreach (var c in groups[g])
            {
                if (c.Id is null)
                {
                    fresh.Add(c);
                    taken++;
                }
                else if (!state.Seen.Contains(c.Id))
                {
                    if (inBatch.Add(c.Id))
                    {
                        fresh.Add(c);
                        taken++;
                    }
                }
                else if (_unconfirmed.Contains(c.Id) && inBatch.Add(c.Id))
                {
                    taken++;
                }
            }
            results[g] = new CheckinResult(taken, groups[g].Count - taken);
        }
        return (fresh, results);
    }

    /// <summary>What was counted is stored: from now on a resend of it is a duplicate.</summary>
    public void Confirmed() => _unconfirmed.Clear();

    /// <summary>
    /// Counts a new check-in toward <paramref name="day"/>; <paramref name="target"/> is the patrol
    /// target it covers, if any. A patrol made off its place (<paramref name="offPlace"/>) still
    /// counts, as the worker may have been there with a poor fix, and is counted apart for review.
    /// </summary>
    public void Count(CheckinReport c, DateOnly day, string? target, bool offPlace = false)
    {
        if (c.Id is not null)
        {
            state.Seen.Add(c.Id, day);
            _unconfirmed.Add(c.Id);
        }
        var figures = state.Days.TryGetValue(day, out var known) ? known : state.Days[day] = new PatrolDay();
        figures.CheckinsByUnit[c.Unit] = figures.CheckinsByUnit.GetValueOrDefault(c.Unit) + 1;
        Later(state.LastCheckin, c.Unit, c.At);
        if (c.Kind != CheckinKind.Patrol)
        {
            return;
        }
        if (target is not null)
        {
            figures.Visits[target] = figures.VisitsTo(target) + 1;
        }
        if (offPlace)
        {
            figures.OffPlaceByUnit[c.Unit] = figures.OffPlaceByUnit.GetValueOrDefault(c.Unit) + 1;
        }
        Later(state.LastPatrol, c.Unit, c.At);
    }

    /// <summary>
    /// Forgets what aged out by <paramref name="today"/>: ids past their window (and past the cap,
    /// which a busy day can reach) every time, figures once a day.
    /// </summary>
    public void Prune(DateOnly today)
    {
        state.Seen.Forget(today.AddDays(-RetainedDays));
        if (_prunedOn == today)
        {
            return;
        }
        var oldest = today.AddDays(-RetainedFigureDays);
        foreach (var day in state.Days.Keys.Where(d => d < oldest).ToList())
        {
            state.Days.Remove(day);
        }
        _prunedOn = today;
    }

    /// <summary>Check-ins counted toward <paramref name="day"/> at any of <paramref name="units"/>.</summary>
    public int CheckinsOn(DateOnly day, IEnumerable<string> units) =>
        state.Days.TryGetValue(day, out var figures) ? units.Sum(u => figures.CheckinsByUnit.GetValueOrDefault(u)) : 0;

    /// <summary>Patrols counted toward <paramref name="day"/> at any of <paramref name="units"/> whose position lay off their place.</summary>
    public int OffPlaceOn(DateOnly day, IEnumerable<string> units) =>
        state.Days.TryGetValue(day, out var figures) ? units.Sum(u => figures.OffPlaceByUnit.GetValueOrDefault(u)) : 0;

    /// <summary>Patrol visits to <paramref name="target"/> on <paramref name="day"/>.</summary>
    public int VisitsTo(string target, DateOnly day) => state.Days.TryGetValue(day, out var figures) ? figures.VisitsTo(target) : 0;

    /// <summary>The latest patrol at any of <paramref name="units"/>.</summary>
    public DateTimeOffset? LastPatrol(IEnumerable<string> units) => LatestOf(state.LastPatrol, units);

    /// <summary>The latest check-in of any kind at any of <paramref name="units"/>.</summary>
    public DateTimeOffset? LastCheckin(IEnumerable<string> units) => LatestOf(state.LastCheckin, units);

    private static void Later(Dictionary<string, DateTimeOffset> latest, string unit, DateTimeOffset at)
    {
        if (!latest.TryGetValue(unit, out var known) || known < at)
        {
            latest[unit] = at;
        }
    }

    private static DateTimeOffset? LatestOf(Dictionary<string, DateTimeOffset> latest, IEnumerable<string> units) =>
        units.Select(u => latest.TryGetValue(u, out var at) ? at : (DateTimeOffset?)null).Max();
}
