using Hub.Dashboard.Wire;
using Hub.Grains.Alerts;
using Hub.Grains.Model;
using Hub.Grains.Time;
using Hub.Grains.Topology;

namespace Hub.Dashboard.Import;

/// <summary>
/// One case of an old platform's history (历史案件导入), as the hub keeps it: the stages it reached
/// with their own times, each stage tallied on time or late against today's limits. A case that
/// never ended there stays in history as it was (counted, not handled); it is not brought to life:
/// no clock, no wall, not in the lists of active cases. Work that goes on is reported live.
/// </summary>
public static class CaseImport
{
    public const string Source = ImportedSource.Name;

    /// <summary>How far ahead of the hub's clock a time may be (clocks differ a little).</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private static readonly string[] Stages = ["reportedAt", "acceptedAt", "dispatchedAt", "resolvedAt", "verifiedAt", "closedAt"];

    /// <summary>The case, or null with the problems added to the fields' errors.</summary>
    public static AlertSummary? Read(JsonFields f, TopologyIndex index, CaseLimits limits, DateTimeOffset now)
    {
        var center = f.Code("center");
        var sourceId = f.Text("sourceId", maxLength: 200);
        var unit = f.Code("unit");
        var category = f.Text("category", maxLength: 40);
        var severity = f.Enum<Severity>("severity");
        var title = f.Text("title", required: false, maxLength: 200);
        var times = Stages.Select(name => name == "reportedAt" ? f.Time(name) : f.Has(name) ? f.Time(name) : null).ToArray();
        var rejectedAt = f.Has("rejectedAt") ? f.Time("rejectedAt") : null;
        var rating = f.Has("rating") ? f.WholeNumber("rating", 1, 5) : null;
        var node = unit is null ? null : index.Find(unit);
        if (unit is not null && node is null)
        {
            f.Error("unit", $"unknown unit '{unit}'");
        }
        if (!f.IsValid || times[0] is not { } reportedAt || node is null || severity is null)
        {
            return null;
        }
        var (acceptedAt, dispatchedAt, resolvedAt, verifiedAt, closedAt) = (times[1], times[2], times[3], times[4], times[5]);
        DateTimeOffset? previous = null;
        var previousName = "";
        for (var i = 0; i < Stages.Length; i++)
        {
            if (times[i] is not { } at)
            {
                continue;
            }
            if (at > now + Skew)
            {
                f.Error(Stages[i], "is in the future");
            }
            if (previous is { } before && at < before)
            {
                f.Error(Stages[i], $"is before {previousName}");
            }
            (previous, previousName) = (at, Stages[i]);
        }
        if (rejectedAt is { } rejected)
        {
            if (rejected < reportedAt || rejected > now + Skew)
            {
                f.Error("rejectedAt", rejected < reportedAt ? "is before reportedAt" : "is in the future");
            }
            if (dispatchedAt is not null || resolvedAt is not null || verifiedAt is not null || closedAt is not null)
            {
                f.Error("rejectedAt", "a rejected case (不予立案) was never dispatched, resolved, verified or closed");
            }
        }
        if (rating is not null && closedAt is null)
        {
            f.Error("rating", "only a closed case is rated");
        }
        if (!f.IsValid)
        {
            return null;
        }
        var state = rejectedAt is not null ? AlertState.Rejected
            : closedAt is not null ? AlertState.Closed
            : verifiedAt is not null ? AlertState.Verified
            : resolvedAt is not null ? AlertState.Resolved
            : dispatchedAt is not null ? AlertState.Dispatched
            : acceptedAt is not null ? AlertState.Acknowledged
            : AlertState.Raised;
        var last = new[] { rejectedAt, closedAt, verifiedAt, resolvedAt, dispatchedAt, acceptedAt, reportedAt }.First(t => t is not null)!.Value;
        var sender = new Sender(SenderKind.Center, center!);
        return new AlertSummary(
            AlertIds.For(sender, Source, sourceId!), Source, sourceId!, node.Code, node.Owner, node.Path, Device: null, category!, severity.Value,
            title, Detail: null, reportedAt, reportedAt, Occurrences: 1, state, Cleared: false, EscalatedTo: null, Assignee: null,
            LastBy: Source, ChangedAt: last, Version: 1,
            HandleDeadline: limits.Handling(severity.Value)?.Point(reportedAt),
            HandledAt: state == AlertState.Rejected ? null : resolvedAt ?? closedAt,
            ReportedBy: sender,
            Rating: rating,
            Stages: Tally(limits, severity.Value, reportedAt, acceptedAt, dispatchedAt, resolvedAt, verifiedAt));
    }

    /// <summary>Each stage whose start and end are both known, on time or late by today's limits.</summary>
    private static StageTally Tally(
        CaseLimits limits, Severity severity, DateTimeOffset reported, DateTimeOffset? accepted, DateTimeOffset? dispatched, DateTimeOffset? resolved, DateTimeOffset? verified)
    {
        var tally = StageTally.Empty;
        foreach (var (stage, from, to) in new[]
        {
            (CaseStage.Accept, (DateTimeOffset?)reported, accepted),
            (CaseStage.Dispatch, accepted, dispatched),
            (CaseStage.Handle, dispatched, resolved),
            (CaseStage.Verify, resolved, verified),
        })
        {
            if (from is { } start && to is { } end)
            {
                tally = tally.With(stage, limits.Of(stage, severity)?.Kept(start, end) ?? true);
            }
        }
        return tally;
    }
}
