using Hub.Grains.Model;
using Hub.Grains.Topology;

namespace Hub.Grains.Rollup;

/// <summary>Turns tallies into the status answer of API.md §6.</summary>
public static class StatusComposer
{
    /// <param name="tally">The unit's tally, with today's figures (see <see cref="TallyMath"/>).</param>
    /// <param name="inZone">Puts a time in the hub's zone, as answers carry it (the hub's clock).</param>
    public static UnitStatus Compose(
        UnitNode node,
        UnitTally tally,
        IReadOnlyList<ChildSummary> children,
        DateTimeOffset asOf,
        DateTimeOffset? lastPatrolAt = null,
        Func<DateTimeOffset, DateTimeOffset>? inZone = null)
    {
        DateTimeOffset? Zoned(DateTimeOffset? at) => at is { } t && inZone is not null ? inZone(t) : at;
        var a = tally.Alerts;
        var today = tally.Today;
        return new UnitStatus(
            node.Code,
            node.Name,
            node.Level,
            node.Parent,
            HealthRule.Evaluate(tally),
            new StatusAlerts(a.Active, a.Unacknowledged, a.Escalated.AtOrAbove(node.Level), a.Critical, a.Major, a.Minor, a.Warning, a.Overdue, a.Nearing),
            new StatusWorkers(tally.Workers.Total, tally.Workers.OnDuty, tally.Workers.LostContact),
            new StatusToday(
                today.Checkins,
                tally.PatrolTargets,
                today.Patrolled,
                Rate.Of(today.Patrolled, today.PatrolPlanned),
                today.Raised,
                today.Handled,
                Rate.Of(today.Handled, today.Raised),
                today.Rejected,
                today.Reworked,
                Rate.Of(today.Reworked, today.Handled),
                today.Rated,
                today.Rated == 0 ? null : Math.Round((double)today.RatingSum / today.Rated, 2),
                today.PatrolPlanned,
                today.Week ?? Patrol.PatrolProgress.None,
                today.Month ?? Patrol.PatrolProgress.None,
                today.OffPlacePatrols),
            children,
            asOf,
            lastPatrolAt,
            new StatusSources(Zoned(tally.Sources?.Checkin), Zoned(tally.Sources?.Alert)));
    }

    public static ChildSummary Summarize(UnitNode child, UnitTally tally) => new(
        child.Code,
        child.Name,
        child.Level,
        HealthRule.Evaluate(tally),
        new ChildAlerts(tally.Alerts.Active, tally.Alerts.Unacknowledged, tally.Alerts.Critical, tally.Alerts.Major, tally.Alerts.Escalated.AtOrAbove(child.Level),
            tally.Alerts.Overdue),
        new ChildWorkers(tally.Workers.Total, tally.Workers.OnDuty));
}
