namespace Hub.Grains.Patrol;

/// <summary>The period a day falls in for each cadence: the day, its week (Monday to Sunday), its calendar month.</summary>
public static class PatrolPeriods
{
    public static (DateOnly First, DateOnly Last) Of(PatrolCadence cadence, DateOnly day) => cadence switch
    {
        PatrolCadence.Weekly => (day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), day.AddDays(-(((int)day.DayOfWeek + 6) % 7) + 6)),
        PatrolCadence.Monthly => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
        _ => (day, day),
    };

    /// <summary>The periods of <paramref name="cadence"/> that lie wholly within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static IEnumerable<(DateOnly First, DateOnly Last)> Within(PatrolCadence cadence, DateOnly from, DateOnly to)
    {
        var period = Of(cadence, from);
        if (period.First < from)
        {
            period = Of(cadence, period.Last.AddDays(1));
        }
        while (period.Last <= to)
        {
            yield return period;
            period = Of(cadence, period.Last.AddDays(1));
        }
    }
}
