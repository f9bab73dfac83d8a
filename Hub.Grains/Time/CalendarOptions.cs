namespace Hub.Grains.Time;

/// <summary>
/// <c>Hub:Calendar</c>: the working hours and days (工作时/工作日) that limits other than critical
/// run in, as the practice counts them. Off by default: every limit then runs on the wall clock.
/// </summary>
public sealed class CalendarOptions : Settings.ICheckedSettings
{
    public const string Section = "Hub:Calendar";

    public bool Enabled { get; set; }

    public static readonly IReadOnlyList<string> DefaultHours = ["09:00-12:00", "13:30-17:30"];

    public static readonly IReadOnlyList<DayOfWeek> DefaultWeekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    // Null until configured: the binder adds configured items to a list it finds filled, so the defaults live apart.

    /// <summary>The working periods of a working day, in the hub's zone, as <c>HH:mm-HH:mm</c> (default 09:00-12:00, 13:30-17:30).</summary>
    public List<string>? Hours { get; set; }

    /// <summary>The days of the week that are working days, unless a holiday (default Monday to Friday).</summary>
    public List<DayOfWeek>? Weekdays { get; set; }

    public IReadOnlyList<string> WorkingHours => Hours ?? DefaultHours;

    public IReadOnlyList<DayOfWeek> WorkingWeekdays => Weekdays ?? DefaultWeekdays;

    /// <summary>Public holidays (法定节假日): no working time even on a working weekday.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days worked in exchange for a holiday (调休上班).</summary>
    public List<DateOnly> Workdays { get; set; } = [];

    /// <summary>Checked only when on: a calendar left off is never read.</summary>
    public IReadOnlyList<string> Problems() => Enabled ? WorkCalendar.Problems(this) : [];
}
