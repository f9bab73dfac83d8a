using Hub.Grains.Time;
using Hub.Grains.Topology;

namespace Hub.Grains.Alerts;

/// <summary>Builds what the API shows of an alert, including its handling clock at this moment.</summary>
public sealed class AlertViews(HubClock clock, TopologyCatalog topology, CaseLimits limits)
{
    public AlertView From(AlertSummary a, IReadOnlyList<AuditEntry>? audit = null)
    {
        var active = Model.AlertStates.IsActive(a.State);
        DateTimeOffset? deadline = null;
        double? used = null;
        if (active && (a.HandleDeadline ?? DeadlineOf(a.Severity, a.At)) is { } due && due > a.At)
        {
            deadline = clock.InZone(due);
            // In working time the share follows the calendar; a deadline stored under other limits is read on the wall clock.
            used = Math.Round(limits.Handling(a.Severity) is { } limit && limit.Point(a.At) == due
                ? limit.Share(a.At, clock.Now)
                : Math.Max(0, (clock.Now - a.At) / (due - a.At)), 4);
        }
        var index = topology.Current;
        return new AlertView(
            a.Id, a.Source, a.SourceId, a.ReportedBy is { Kind: SenderKind.Center } sender ? sender.Name : null, a.Unit, a.Path, a.Path.Select(code => index.Find(code)?.Name ?? code).ToArray(), a.Device, a.Category, a.Severity, a.Title, a.Detail,
            clock.InZone(a.At), clock.InZone(a.LastAt), a.Occurrences, a.State, active, a.Cleared, a.EscalatedTo,
            a.Assignee, a.LastBy, clock.InZone(a.ChangedAt), a.Reworks, a.Rating,
            a.Parts?.Select(p => new PartView(
                p.Department,
                index.Department(p.Department)?.Name ?? p.Department,
                p.State,
                clock.InZone(p.SummonedAt),
                p.ReportedAt is { } r ? clock.InZone(r) : null,
                p.DoneAt is { } d ? clock.InZone(d) : null,
                p.Deadline is { } due ? clock.InZone(due) : null,
                // Late to report in: still waiting when the deadline passed, or reported after it.
                p.Deadline is { } by && (p.ReportedAt ?? clock.Now) >= by)).ToArray(),
            Stage(a),
            deadline, used,
            audit?.Select(e => e with { At = clock.InZone(e.At) }).ToArray(),
            audit is null ? null : CaseTimeline.Of(audit, a.Severity, limits, clock.Now)
                .Select(s => s with { From = clock.InZone(s.From), To = s.To is { } to ? clock.InZone(to) : null }).ToArray());
    }

    private StageView? Stage(AlertSummary a)
    {
        var since = a.StageSince ?? a.ChangedAt;
        if (StageClock.Read(a, since, StageClock.StageOf(a) is { } stage ? limits.Of(stage, a.Severity) : null, clock.Now) is not { } reading)
        {
            return null;
        }
        // The level shown is the one recorded (and pushed), so the answer and the audit trail agree.
        return new StageView(reading.Stage, clock.InZone(reading.Since), reading.Deadline is { } d ? clock.InZone(d) : null, reading.Used, reading.Overdue,
            a.Supervision, SupervisedTo(topology.Current, a.Path, a.Supervision));
    }

    /// <summary>The unit a 红牌 (level 2) raises a case to: one rung up its path; null below red or at the top.</summary>
    public static string? SupervisedTo(TopologyIndex index, IReadOnlyList<string> path, int level) =>
        level >= 2 && index.Rungs(path) is { Count: > 1 } rungs ? rungs[^2] : null;

    /// <summary>When an alert of <paramref name="severity"/> raised at <paramref name="at"/> must be handled; null if never.</summary>
    public DateTimeOffset? DeadlineOf(Model.Severity severity, DateTimeOffset at) => limits.Handling(severity)?.Point(at);
}
