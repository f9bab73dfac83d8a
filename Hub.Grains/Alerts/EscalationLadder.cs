namespace Hub.Grains.Alerts;

/// <summary>
/// 逐级上报: an unacknowledged alert climbs one unit up its path per acknowledgement SLA period,
/// until acknowledged or at the top. Pure arithmetic, so a restarted silo lands on the same rung.
/// </summary>
public static class EscalationLadder
{
    /// <summary>How many levels the alert has climbed after <paramref name="waited"/> unacknowledged.</summary>
    public static int Steps(TimeSpan waited, TimeSpan period, int pathLength)
    {
        if (period <= TimeSpan.Zero || waited < period)
        {
            return 0;
        }
        return (int)Math.Min(pathLength - 1, waited.Ticks / period.Ticks);
    }

    /// <summary>The unit an alert sits with after <paramref name="steps"/> climbs; null when it has not climbed.</summary>
    public static string? UnitAfter(IReadOnlyList<string> path, int steps) => steps <= 0 ? null : path[path.Count - 1 - steps];

    /// <summary>How many climbs an alert now sitting with <paramref name="escalatedTo"/> has made (0 when it has not climbed).</summary>
    public static int StepsTaken(IReadOnlyList<string> path, string? escalatedTo)
    {
        if (escalatedTo is null)
        {
            return 0;
        }
        for (var i = path.Count - 1; i >= 0; i--)
        {
            if (path[i] == escalatedTo)
            {
                return path.Count - 1 - i;
            }
        }
        return 0;
    }

    /// <summary>When the next climb is due, or null at the top.</summary>
    public static DateTimeOffset? NextAt(DateTimeOffset raisedAt, TimeSpan period, int steps, int pathLength) =>
        period <= TimeSpan.Zero || steps >= pathLength - 1 ? null : raisedAt + (period * (steps + 1));
}
