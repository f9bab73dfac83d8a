namespace Hub.Grains.Patrol;

/// <summary>One patrol target and its plan.</summary>
public sealed record PatrolTarget(string Code, PatrolPlan Plan);

/// <summary>
/// 巡查率 as the practice means it: visits done over visits planned. Each target is planned
/// <c>Visits</c> per period of its cadence; a visit counts toward the period it falls in, and at
/// most the plan counts per target and period (extra visits do not raise the rate above the plan).
/// </summary>
public static class PatrolRule
{
    /// <param name="visits">How many patrol visits a target had on a day.</param>
    public static PatrolProgress Period(IEnumerable<PatrolTarget> targets, PatrolCadence cadence, DateOnly first, DateOnly last, Func<string, DateOnly, int> visits)
    {
        var progress = PatrolProgress.None;
        foreach (var target in targets.Where(t => t.Plan.Cadence == cadence))
        {
            var done = 0;
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                done += visits(target.Code, day);
            }
            progress = progress.With(target.Plan, done);
        }
        return progress;
    }

    /// <summary>
    /// The progress of each cadence as of <paramref name="today"/>: today's daily targets, this
    /// week's weekly targets and this month's monthly ones, counted from the period's start to today.
    /// </summary>
    public static (PatrolProgress Day, PatrolProgress Week, PatrolProgress Month) AsOf(
        IReadOnlyList<PatrolTarget> targets, DateOnly today, Func<string, DateOnly, int> visits) =>
        (Period(targets, PatrolCadence.Daily, today, today, visits),
         Period(targets, PatrolCadence.Weekly, PatrolPeriods.Of(PatrolCadence.Weekly, today).First, today, visits),
         Period(targets, PatrolCadence.Monthly, PatrolPeriods.Of(PatrolCadence.Monthly, today).First, today, visits));

    /// <summary>
    /// A range's figures: every day's daily targets, and the weekly and monthly periods that lie
    /// wholly inside the range (a week cut by the range's edge is in neither side's figures).
    /// </summary>
    public static PatrolProgress Range(IReadOnlyList<PatrolTarget> targets, DateOnly from, DateOnly to, Func<string, DateOnly, int> visits)
    {
        var total = PatrolProgress.None;
        foreach (var cadence in Enum.GetValues<PatrolCadence>())
        {
            foreach (var (first, last) in PatrolPeriods.Within(cadence, from, to))
            {
                total = total.Plus(Period(targets, cadence, first, last, visits));
            }
        }
        return total;
    }
}
