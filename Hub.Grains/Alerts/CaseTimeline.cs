using Hub.Grains.Model;
using Hub.Grains.Time;

namespace Hub.Grains.Alerts;

/// <summary>One stage a case went through: when it entered and left it, who moved it on, its limit and how much of it was used.</summary>
/// <param name="WorkingTime">The limit counts working time (工作时/工作日, <c>Hub:Calendar</c>), not the wall clock.</param>
public sealed record TimelineStage(
    CaseStage Stage,
    DateTimeOffset From,
    DateTimeOffset? To,
    string? By,
    TimeSpan? Limit,
    double? Used,
    bool Overdue,
    bool WorkingTime = false);

/// <summary>
/// The record a leader reads in a review (复盘): the stages of a case, read from its audit trail —
/// each with who ended it, its limit and the share of it used (the current one up to now).
/// </summary>
public static class CaseTimeline
{
    public static IReadOnlyList<TimelineStage> Of(IReadOnlyList<AuditEntry> audit, Severity severity, CaseLimits limits, DateTimeOffset now)
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
                stages.Add(Segment(ended, since, e.At, e.By, severity, limits));
            }
            (current, since) = (next, e.At);
        }
        if (current is { } open)
        {
            stages.Add(Segment(open, since, null, null, severity, limits, now));
        }
        return stages;
    }

    private static TimelineStage Segment(CaseStage stage, DateTimeOffset from, DateTimeOffset? to, string? by, Severity severity, CaseLimits limits, DateTimeOffset? now = null)
    {
        var limit = limits.Of(stage, severity);
        var end = to ?? now!.Value;
        double? used = limit is null ? null : Math.Round(limit.Share(from, end), 4);
        return new TimelineStage(stage, from, to, by, limit?.Length, used, limit is not null && !limit.Kept(from, end), limit?.Working ?? false);
    }
}
