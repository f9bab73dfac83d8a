using Hub.Grains.Model;
using Hub.Grains.Time;
using Hub.Grains.Topology;

namespace Hub.Grains.Alerts;

/// <summary>What one command does to a case: the case after it and its audit line, or why not.</summary>
public sealed record CaseStepResult(ActionOutcome Outcome, AlertSummary? Alert = null, AuditEntry? Change = null, string? Problem = null);

/// <summary>
/// One step of a case through the loop, as a plain rule: the state table (<see cref="AlertTransitions"/>),
/// the departments' parts (<see cref="CaseParts"/>), and who may touch the case at all.
/// </summary>
public static class CaseStep
{
    /// <param name="limits">The stage limits: a summoned department's part is due when the report-in stage's limit runs out.</param>
    public static CaseStepResult Apply(AlertSummary alert, AlertCommand command, CaseOptions options, CaseLimits limits, TopologyIndex topology, DateTimeOffset now)
    {
        var reportIn = limits.Of(CaseStage.ReportIn, alert.Severity)?.Point(now);
        var result = Next(alert, command, options, reportIn, topology, now);
        return result is { Outcome: ActionOutcome.Done, Alert: { } changed } ? result with { Alert = EnterStage(alert, changed, limits, now) } : result;
    }

    /// <summary>
    /// A case that moved to another stage tallies the stage it left (on time or not) and starts the
    /// next one's clock, with no supervision yet.
    /// </summary>
    private static AlertSummary EnterStage(AlertSummary before, AlertSummary after, CaseLimits limits, DateTimeOffset now)
    {
        var (left, next) = (StageClock.StageOf(before), StageClock.StageOf(after));
        if (next == left)
        {
            return after;
        }
        var stages = before.Stages ?? StageTally.Empty;
        if (left is { } ended)
        {
            var since = before.StageSince ?? before.ChangedAt;
            stages = stages.With(ended, limits.Of(ended, before.Severity)?.Kept(since, now) ?? true);
        }
        return after with { StageSince = next is null ? null : now, Supervision = 0, Stages = stages };
    }

    private static CaseStepResult Next(AlertSummary alert, AlertCommand command, CaseOptions options, DateTimeOffset? reportIn, TopologyIndex topology, DateTimeOffset now)
    {
        // A department's user sees only cases their department is summoned to, and does only its part.
        if (command.ActingDepartment is { } acting
            && (!CaseParts.Has(alert.Parts, acting) || command.Action is not (AlertAction.ReportIn or AlertAction.Resolve)))
        {
            return new CaseStepResult(ActionOutcome.NotFound);
        }
        var parts = alert.Parts ?? [];
        switch (command.Action)
        {
            case AlertAction.ReportIn:
                return OnePart(alert, command, parts, now, CaseParts.ReportIn, AlertEventKind.ReportedIn);
            case AlertAction.Resolve when parts.Count > 0:
                return OnePart(alert, command, parts, now, CaseParts.Finish, AlertEventKind.PartDone);
            case AlertAction.Dispatch when command.Departments is { Count: > 0 } summoned:
                foreach (var code in summoned)
                {
                    if (topology.Department(code) is not { } department)
                    {
                        return Invalid($"$.departments: unknown department '{code}'");
                    }
                    if (!alert.Path.Contains(department.Unit, StringComparer.Ordinal))
                    {
                        return Invalid($"$.departments: '{code}' serves '{department.Unit}', which does not hold this case's unit '{alert.Unit}'");
                    }
                }
                parts = CaseParts.Whistle(parts, summoned, now, reportIn);
                break;
            case AlertAction.Resolve when command.Department is not null:
                return Invalid("$.department: this case has no departments' parts; resolve it without one");
        }
        if (AlertTransitions.Apply(command, alert, options.RequireVerify) is not { } to)
        {
            return new CaseStepResult(ActionOutcome.Conflict, alert);
        }
        var rework = AlertTransitions.IsRework(command);
        // A leader's 督办 raises the level one step and earns the case its card, as the clock's would.
        var supervised = command.Action == AlertAction.Supervise ? alert.Supervision + 1 : alert.Supervision;
        if (rework)
        {
            parts = CaseParts.Reset(parts, now, reportIn);
        }
        var changed = alert with
        {
            State = to,
            Assignee = command.Action == AlertAction.Dispatch ? command.Assignee ?? alert.Assignee : alert.Assignee,
            LastBy = command.Actor,
            ChangedAt = now,
            Version = alert.Version + 1,
            // A rework reopens the handling: it is handled (and on time or not) when it is resolved again.
            HandledAt = rework ? null : alert.HandledAt ?? (to.IsHandled() ? now : null),
            Reworks = alert.Reworks + (rework ? 1 : 0),
            Rating = command.Action == AlertAction.Rate ? command.Score : alert.Rating,
            Parts = parts.Count > 0 ? parts : alert.Parts,
            Supervision = supervised,
            YellowCards = alert.YellowCards + (supervised == 1 && alert.Supervision == 0 ? 1 : 0),
            RedCards = alert.RedCards + (supervised == 2 && alert.Supervision == 1 ? 1 : 0),
        };
        return Done(changed, new AuditEntry(now, command.Actor, AlertTransitions.EventOf(command), alert.State, to, command.Note, command.Assignee,
            Departments: command.Action == AlertAction.Dispatch ? command.Departments : null));
    }

    /// <summary>A report-in or a department's resolve: one part moves; the case is resolved with its last part.</summary>
    private static CaseStepResult OnePart(
        AlertSummary alert,
        AlertCommand command,
        IReadOnlyList<DepartmentPart> parts,
        DateTimeOffset now,
        Func<IReadOnlyList<DepartmentPart>, string, DateTimeOffset, IReadOnlyList<DepartmentPart>?> move,
        AlertEventKind kind)
    {
        if (command.Department is not { } department)
        {
            return Invalid(parts.Count > 0
                ? $"$.department: required: this case's parts ({string.Join(", ", parts.Select(p => p.Department))}) are done one by one"
                : "$.department: required");
        }
        if (!CaseParts.Has(parts, department))
        {
            return Invalid($"$.department: '{department}' is not summoned to this case");
        }
        if (alert.State != AlertState.Dispatched || move(parts, department, now) is not { } next)
        {
            return new CaseStepResult(ActionOutcome.Conflict, alert);
        }
        var to = kind == AlertEventKind.PartDone && CaseParts.AllDone(next) ? AlertState.Resolved : AlertState.Dispatched;
        var changed = alert with
        {
            State = to,
            Parts = next,
            LastBy = command.Actor,
            ChangedAt = now,
            Version = alert.Version + 1,
            HandledAt = to == AlertState.Resolved ? alert.HandledAt ?? now : alert.HandledAt,
        };
        var audit = to == AlertState.Resolved ? AlertEventKind.Resolved : kind;
        return Done(changed, new AuditEntry(now, command.Actor, audit, alert.State, to, command.Note, Departments: [department]));
    }

    private static CaseStepResult Done(AlertSummary alert, AuditEntry change) => new(ActionOutcome.Done, alert, change);

    private static CaseStepResult Invalid(string problem) => new(ActionOutcome.Invalid, Problem: problem);
}
