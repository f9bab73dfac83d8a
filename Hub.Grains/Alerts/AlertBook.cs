using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

/// <summary>
/// The alerts a unit holds: every active one, and those raised on recent days (for today's
/// handling rate). Entries are replaced whole by version, so a late notification cannot undo a
/// newer one.
/// </summary>
[GenerateSerializer, Alias("hub.alert-book.v1")]
public sealed class AlertBook
{
    [Id(0)]
    public Dictionary<string, AlertEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <returns>Whether the entry was newer than what the book held.</returns>
    public bool Put(AlertEntry entry)
    {
        if (Entries.TryGetValue(entry.Id, out var known) && known.Version >= entry.Version)
        {
            return false;
        }
        Entries[entry.Id] = entry;
        return true;
    }

    /// <summary>The active alert of a device in a category from one sender, which a new report of the same kind merges into.</summary>
    public AlertEntry? ActiveFor(string device, string category, string sender) =>
        Entries.Values.FirstOrDefault(e => e.IsActive && e.Device == device && e.Category == category && e.Sender == sender);

    public IEnumerable<AlertEntry> Active => Entries.Values.Where(e => e.IsActive);

    /// <summary>
    /// The next moment after <paramref name="now"/> at which an active case comes near its stage's
    /// limit or runs past its handling limit — either changes the unit's health with no event to say
    /// so; null when none will.
    /// </summary>
    public DateTimeOffset? NextClockChange(DateTimeOffset now) =>
        Active.Where(e => !e.IsOverdue(now))
            .SelectMany(e => new[] { e.NearingAt, e.HandleDeadline })
            .Where(at => at > now)
            .Min();

    /// <summary>When the latest report of a case held here arrived (cases kept for recent days count), among those <paramref name="where"/> picks.</summary>
    public DateTimeOffset? LastReport(Func<AlertEntry, bool>? where = null) =>
        Entries.Values.Where(e => where is null || where(e)).Max(e => e.ReportedAt);

    /// <param name="now">The moment the clocks are read at: what is near its limit (临期) depends on it.</param>
    public AlertCounts Count(DateTimeOffset now, Func<AlertEntry, bool>? where = null)
    {
        int active = 0, unack = 0, critical = 0, major = 0, minor = 0, warning = 0, unackCritical = 0, unackMajor = 0, overdue = 0, overdueSevere = 0, ackCritical = 0, nearing = 0;
        var escalated = EscalationCounts.Zero;
        foreach (var e in Entries.Values)
        {
            if (!e.IsActive || (where is not null && !where(e)))
            {
                continue;
            }
            active++;
            var late = e.IsOverdue(now);
            overdue += late ? 1 : 0;
            nearing += e.IsNearing(now) ? 1 : 0;
            overdueSevere += late && e.Severity is Severity.Critical or Severity.Major ? 1 : 0;
            ackCritical += !e.IsUnacknowledged && e.Severity == Severity.Critical ? 1 : 0;
            switch (e.Severity)
            {
                case Severity.Critical: critical++; break;
                case Severity.Major: major++; break;
                case Severity.Minor: minor++; break;
                default: warning++; break;
            }
            if (e.IsUnacknowledged)
            {
                unack++;
                unackCritical += e.Severity == Severity.Critical ? 1 : 0;
                unackMajor += e.Severity == Severity.Major ? 1 : 0;
                if (e.EscalatedTo is { } level)
                {
                    escalated += EscalationCounts.One(level);
                }
            }
        }
        return new AlertCounts(active, unack, critical, major, minor, warning, unackCritical, unackMajor, escalated, overdue, overdueSevere, ackCritical, nearing);
    }

    /// <summary>
    /// The cases raised on <paramref name="day"/>: how many count, how many of those are handled by
    /// now, the reports rejected, the cases reworked and the ratings (no check-ins: the caller adds those).
    /// </summary>
    public DayCounts Day(DateOnly day, Func<AlertEntry, bool>? where = null)
    {
        int raised = 0, handled = 0, rejected = 0, reworked = 0, rated = 0;
        long ratingSum = 0;
        foreach (var e in Entries.Values)
        {
            if (e.Day == day && (where is null || where(e)))
            {
                if (!e.State.Counts())
                {
                    rejected++;
                    continue;
                }
                raised++;
                handled += e.State.IsHandled() ? 1 : 0;
                reworked += e.Reworks > 0 ? 1 : 0;
                rated += e.Rating is null ? 0 : 1;
                ratingSum += e.Rating ?? 0;
            }
        }
        return new DayCounts(day, 0, 0, raised, handled, rejected, reworked, rated, ratingSum);
    }

    /// <summary>Forgets handled alerts of days that no longer count toward "today".</summary>
    public void Prune(DateOnly today)
    {
        foreach (var e in Entries.Values.Where(e => !e.IsActive && e.Day < today.AddDays(-1)).ToList())
        {
            Entries.Remove(e.Id);
        }
    }
}
