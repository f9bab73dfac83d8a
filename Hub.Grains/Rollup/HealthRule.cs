using Hub.Grains.Model;

namespace Hub.Grains.Rollup;

/// <summary>The health colour of a subtree, exactly as API.md §6 words it.</summary>
public static class HealthRule
{
    public static Health Evaluate(AlertCounts alerts, WorkerCounts workers)
    {
        if (alerts.UnacknowledgedCritical > 0 || alerts.Escalated.Any > 0)
        {
            return Health.Red;
        }
        if (alerts.UnacknowledgedMajor > 0 || workers.LostContact > 0)
        {
            return Health.Orange;
        }
        return alerts.Active > 0 ? Health.Yellow : Health.Green;
    }

    public static Health Evaluate(UnitTally tally) => Evaluate(tally.Alerts, tally.Workers);
}
