namespace Hub.Grains.Time;

/// <summary>
/// How often a durable reminder wakes a grain behind a clock of a given length: a quarter of it,
/// between a second and Orleans' usual minute. Only clocks set shorter than four minutes (a drill,
/// a test) make reminders more frequent than a minute, and the silo allows exactly that.
/// </summary>
public static class ReminderCadence
{
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1), Usual = TimeSpan.FromMinutes(1);

    public static TimeSpan For(TimeSpan clock)
    {
        var quarter = clock / 4;
        return quarter < Shortest ? Shortest : quarter > Usual ? Usual : quarter;
    }

    /// <summary>The silo's minimum reminder period: the cadence of the shortest clock configured.</summary>
    public static TimeSpan MinimumFor(IEnumerable<TimeSpan?> clocks) =>
        clocks.OfType<TimeSpan>().Where(c => c > TimeSpan.Zero).Select(For).Append(Usual).Min();
}
