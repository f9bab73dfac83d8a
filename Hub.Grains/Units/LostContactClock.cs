namespace Hub.Grains.Units;

/// <summary>
/// How often a grid looks for silent workers. While its activation lives, a timer looks a few
/// times per lost-contact period; behind it a durable reminder wakes the grid after a crash or an
/// idle deactivation, so a worker on duty who goes quiet is reported even when nobody reads the
/// grid again (DESIGN.md principle 8).
/// </summary>
public static class LostContactClock
{
    private static readonly TimeSpan ReminderCeiling = TimeSpan.FromMinutes(5);

    /// <summary>The timer of a live grid: a quarter of the period, between half a second and 30 s.</summary>
    public static TimeSpan TimerPeriod(TimeSpan lostContactAfter) =>
        Clamp(lostContactAfter / 4, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(30));

    /// <summary>
    /// The reminder: a quarter of the period, at most 5 minutes, so after a crash a silent worker is
    /// reported at most that late.
    /// </summary>
    public static TimeSpan ReminderPeriod(TimeSpan lostContactAfter) =>
        Clamp(lostContactAfter / 4, MinimumReminderPeriod(lostContactAfter), ReminderCeiling);

    /// <summary>
    /// The shortest reminder the silo allows for it: Orleans' one minute, or less when lost contact
    /// itself is set shorter than a minute (a drill, a test), so the reminder can keep up.
    /// </summary>
    public static TimeSpan MinimumReminderPeriod(TimeSpan lostContactAfter) => Time.ReminderCadence.For(lostContactAfter);

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min ? min : value > max ? max : value;
}
