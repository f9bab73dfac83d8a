using Hub.Grains.Model;
using Hub.Grains.Time;

namespace Hub.Grains.Alerts;

/// <summary>Where a case stands on its stage's clock at one moment.</summary>
public sealed record StageReading(CaseStage Stage, DateTimeOffset Since, DateTimeOffset? Deadline, double? Used, int Supervision)
{
    public bool Overdue => Supervision >= 1;
}

/// <summary>
/// 督办: every stage of a case has a limit per severity; at 100 % of it the case is supervised
/// (黄牌, level 1), at 150 % raised one level up (红牌, level 2). Pure arithmetic from stored
/// times, so after a restart the clock reads as if nothing had been down.
/// </summary>
public static class StageClock
{
    public const double YellowAt = 1.0, RedAt = 1.5;

    /// <summary>The share of a limit at which a case is near it (临期): its unit's health turns orange.</summary>
    public const double NearAt = 0.8;

    /// <summary>The stage a case in this state waits in; null when it waits for nothing (verified, closed, rejected).</summary>
    public static CaseStage? StageOf(AlertSummary alert) =>
        StageOf(alert.State, alert.Parts?.Any(p => p.State == PartState.Waiting) == true);

    /// <param name="departmentsWaiting">Whether a summoned department has yet to report in.</param>
    public static CaseStage? StageOf(AlertState state, bool departmentsWaiting) => state switch
    {
        AlertState.Raised => CaseStage.Accept,
        AlertState.Acknowledged => CaseStage.Dispatch,
        AlertState.Dispatched when departmentsWaiting => CaseStage.ReportIn,
        AlertState.Dispatched => CaseStage.Handle,
        AlertState.Resolved => CaseStage.Verify,
        _ => null,
    };

    /// <summary>The supervision level <paramref name="used"/> of a stage's limit has reached.</summary>
    public static int LevelOf(double? used) => used >= RedAt ? 2 : used >= YellowAt ? 1 : 0;

    /// <summary>The clock of the case's stage now; null when it waits for nothing.</summary>
    public static StageReading? Read(AlertSummary alert, DateTimeOffset since, CaseLimit? limit, DateTimeOffset now)
    {
        if (StageOf(alert) is not { } stage)
        {
            return null;
        }
        if (limit is null)
        {
            return new StageReading(stage, since, null, null, 0);
        }
        // The level comes from the moments the shares run out, not from a rounded share: a clock
        // read a moment before its limit is not yet over it, and one read at the moment is.
        var level = now >= limit.Point(since, RedAt) ? 2 : now >= limit.Point(since, YellowAt) ? 1 : 0;
        return new StageReading(stage, since, limit.Point(since), Math.Round(limit.Share(since, now), 4), level);
    }

    /// <summary>When the stage a case waits in reaches <see cref="NearAt"/> of its limit; null when it waits for nothing or has no limit.</summary>
    public static DateTimeOffset? NearingAt(AlertSummary alert, CaseLimit? limit) =>
        limit is null || StageOf(alert) is null ? null : limit.Point(alert.StageSince ?? alert.ChangedAt, NearAt);

    /// <summary>When the next supervision level is due, after <paramref name="reached"/>; null when none is left or there is no limit.</summary>
    public static DateTimeOffset? NextAt(DateTimeOffset since, CaseLimit? limit, int reached) => limit is null
        ? null
        : reached switch
        {
            0 => limit.Point(since, YellowAt),
            1 => limit.Point(since, RedAt),
            _ => null,
        };
}
