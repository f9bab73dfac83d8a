using Hub.Grains.Model;

namespace Hub.Grains.Alerts;

/// <summary>One stage a case went through: when it entered and left it, who moved it on, its limit and how much of it was used.</summary>
public sealed record TimelineStage(CaseStage Stage, DateTimeOffset From, DateTimeOffset? To, string? By, TimeSpan? Limit, double? Used, bool Overdue);

/// <summary>
/// The record a leader reads in a review (复盘): the stages of a case, read from its audit trail —
/// each with who ended it, its limit and the share of it used (the current one up to now).
/// </summary>
public static class CaseTimeline
{
    public static IReadOnlyList<TimelineStage> Of(IReadOnlyList<AuditEntry> audit, Severity severity, SlaOptions sla, DateTimeOffset now)
    {
        var stages = new List<TimelineStage>();
        var summoned = new HashSet<string>(StringComparer.Ordinal);
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        CaseStage? current = null;
        var since = DateTimeOffset.MinValue;
        foreach (var e in audit)
        {
            switch (e.Action)
            {
                case AlertEventKind.Dispatched:
                    foreach (var department in e.Departments ?? [])
                    {
                        if (summoned.Add(department))
                        {
                            waiting.Add(department);
                        }
                    }
                    break;
                case AlertEventKind.ReportedIn:
                    waiting.ExceptWith(e.Departments ?? []);
                    break;
                case AlertEventKind.Reworked:
                    waiting.UnionWith(summoned);
                    break;
            }
            var next = StageClock.StageOf(e.To, waiting.Count > 0);
            if (next == current)
            {
                continue;
            }
            if (current is { } ended)
            {
                stages.Add(Segment(ended, since, e.At, e.By, severity, sla));
            }
            (current, since) = (next, e.At);
        }
        if (current is { } open)
        {
            stages.Add(Segment(open, since, null, null, severity, sla, now));
        }
        return stages;
    }

    private static TimelineStage Segment(CaseStage stage, DateTimeOffset from, DateTimeOffset? to, string? by, Severity severity, SlaOptions sla, DateTimeOffset? now = null)
    {
        var limit = sla.LimitOf(stage, severity);
        var took = (to ?? now!.Value) - from;
        double? used = limit is { } l && l > TimeSpan.Zero ? Math.Round(took / l, 4) : null;
        return new TimelineStage(stage, from, to, by, limit, used, limit is { } lim && lim > TimeSpan.Zero && took >= lim);
    }
}
