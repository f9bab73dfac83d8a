namespace Hub.Grains.Time;

/// <summary>
/// One stage's time limit, on the wall clock or in working time (<see cref="Calendar"/>): when a
/// share of it runs out, and how much of it a span used.
/// </summary>
public sealed record CaseLimit(TimeSpan Length, WorkCalendar? Calendar = null)
{
    /// <summary>The time the limit counts: itself on the wall clock, its working length in working time.</summary>
    public TimeSpan Counted => Calendar?.WorkingLength(Length) ?? Length;

    public bool Working => Calendar is not null;

    /// <summary>When <paramref name="share"/> of the limit (1 = all of it) has run out, counting from <paramref name="since"/>.</summary>
    public DateTimeOffset Point(DateTimeOffset since, double share = 1) =>
        Calendar is null ? since + (Length * share) : Calendar.Add(since, Counted * share);

    /// <summary>The share of the limit used from <paramref name="since"/> until <paramref name="until"/>, unrounded.</summary>
    public double Share(DateTimeOffset since, DateTimeOffset until) =>
        Math.Max(0, (Calendar is null ? until - since : Calendar.Between(since, until)) / Counted);

    /// <summary>Whether a span from <paramref name="since"/> that ended at <paramref name="end"/> kept within the limit (the moment it runs out it is over).</summary>
    public bool Kept(DateTimeOffset since, DateTimeOffset end) => end < Point(since);
}
