using Hub.Grains.Model;

namespace Hub.Grains.Rollup;

/// <summary>
/// The health colour of a subtree: API.md §6, with what an acknowledgement does not undo
/// (docs/API.md): a critical or major case past its limit is red however acknowledged; an
/// accepted critical case still open, or any case at 80 % of its limit or past it (临期, 超时),
/// keeps it at least orange.
/// </summary>
public static class HealthRule
{
    public static Health Evaluate(AlertCounts alerts, WorkerCounts workers)
    {
        if (alerts.UnacknowledgedCritical > 0 || alerts.Escalated.Any > 0 || alerts.OverdueSevere > 0)
        {
            return Health.Red;
        }
        if (alerts.UnacknowledgedMajor > 0 || workers.LostContact > 0 || alerts.AcknowledgedCritical > 0 || alerts.Overdue > 0 || alerts.Nearing > 0)
        {
            return Health.Orange;
        }
        return alerts.Active > 0 ? Health.Yellow : Health.Green;
    }

    public static Health Evaluate(UnitTally tally) => Evaluate(tally.Alerts, tally.Workers);
}
