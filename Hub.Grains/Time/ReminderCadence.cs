namespace Hub.Grains.Time;

/// <summary>
/// How often a durable reminder wakes a grain behind a clock of a given length. A reminder only
/// revives a grain after a crash (its timer keeps the exact time), so Orleans' usual minute does;
/// only a clock set shorter than a minute (a drill, a test) gets a reminder at a quarter of it, at
/// least a second, and the silo allows exactly that.
/// </summary>
public static class ReminderCadence
{
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1), Usual = TimeSpan.FromMinutes(1);

    public static TimeSpan For(TimeSpan clock) =>
        clock >= Usual ? Usual : clock / 4 < Shortest ? Shortest : clock / 4;

    /// <summary>The silo's minimum reminder period: the cadence of the shortest clock configured.</summary>
    public static TimeSpan MinimumFor(IEnumerable<TimeSpan?> clocks) =>
        clocks.OfType<TimeSpan>().Where(c => c > TimeSpan.Zero).Select(For).Append(Usual).Min();
}
