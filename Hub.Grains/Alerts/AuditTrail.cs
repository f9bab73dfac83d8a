namespace Hub.Grains.Alerts;

/// <summary>
/// How an alert's audit trail grows. Every lifecycle change is kept; repeats merged from a
/// flapping sensor are counted in the alert's occurrences and only the latest few are kept as
/// lines, so a device that fires all night cannot grow one alert without bound.
/// </summary>
public static class AuditTrail
{
    public const int MergesKept = 5;

    /// <summary>A new trail: <paramref name="trail"/> with <paramref name="entry"/> added and the oldest merges beyond <see cref="MergesKept"/> dropped.</summary>
    public static List<AuditEntry> Append(IReadOnlyList<AuditEntry> trail, AuditEntry entry)
    {
        var next = new List<AuditEntry>(trail.Count + 1);
        next.AddRange(trail);
        next.Add(entry);
        if (entry.Action == AlertEventKind.Merged)
        {
            var excess = next.Count(e => e.Action == AlertEventKind.Merged) - MergesKept;
            for (var i = 0; excess > 0 && i < next.Count; i++)
            {
                if (next[i].Action == AlertEventKind.Merged)
                {
                    next.RemoveAt(i--);
                    excess--;
                }
            }
        }
        return next;
    }
}
