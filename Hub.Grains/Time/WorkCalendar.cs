using System.Globalization;

namespace Hub.Grains.Time;

/// <summary>
/// Counts working time (工作时) in the hub's zone: the working periods of each working day, with
/// holidays off and swapped weekend days on. Exact to the tick, so a deadline computed by
/// <see cref="Add"/> reads as exactly used up by <see cref="Between"/>.
/// </summary>
public sealed class WorkCalendar
{
    /// <summary>How far ahead a deadline is looked for: a limit that does not fit is a configuration error.</summary>
    private const int HorizonDays = 3 * 366;

    private readonly (TimeOnly From, TimeOnly To)[] _periods;
    private readonly HashSet<DayOfWeek> _weekdays;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly TimeZoneInfo _zone;

    public WorkCalendar(CalendarOptions options, TimeZoneInfo zone)
    {
        var errors = Problems(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }
        _periods = [.. options.WorkingHours.Select(h => Parse(h)!.Value).OrderBy(p => p.From)];
        _weekdays = [.. options.WorkingWeekdays];
        _holidays = [.. options.Holidays];
        _workdays = [.. options.Workdays];
        _zone = zone;
        DayLength = _periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.To - p.From));
    }

    /// <summary>The working time of one working day (工作日).</summary>
    public TimeSpan DayLength { get; }

    /// <summary>What is wrong with <paramref name="options"/>, one line per problem.</summary>
    public static IReadOnlyList<string> Problems(CalendarOptions options)
    {
        var errors = new List<string>();
        var periods = new List<(TimeOnly From, TimeOnly To)>();
        foreach (var hours in options.WorkingHours)
        {
            if (Parse(hours) is { } p)
            {
                periods.Add(p);
            }
            else
            {
                errors.Add($"Hub:Calendar:Hours: '{hours}' is not a period like 09:00-12:00");
            }
        }
        periods.Sort((a, b) => a.From.CompareTo(b.From));
        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i].From < periods[i - 1].To)
            {
                errors.Add($"Hub:Calendar:Hours: {periods[i - 1].From:HH\\:mm}-{periods[i - 1].To:HH\\:mm} and {periods[i].From:HH\\:mm}-{periods[i].To:HH\\:mm} overlap");
            }
        }
        if (options.WorkingHours.Count == 0 || options.WorkingWeekdays.Count == 0)
        {
            errors.Add("Hub:Calendar: a working week needs at least one working day and one working period");
        }
        return errors;
    }

    /// <summary>
    /// A limit as the practice writes it, in working time: whole days are working days
    /// (<see cref="DayLength"/> each), the rest working hours. "1.00:00:00" is 1 工作日, "04:00:00" 4 工作时.
    /// </summary>
    public TimeSpan WorkingLength(TimeSpan limit) => (DayLength * limit.Days) + (limit - TimeSpan.FromDays(limit.Days));

    /// <summary>The working time between two instants (none when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var sum = TimeSpan.Zero;
        if (to <= from)
        {
            return sum;
        }
        var last = DayOf(to);
        for (var day = DayOf(from); day <= last; day = day.AddDays(1))
        {
            foreach (var (start, end) in Periods(day))
            {
                var (a, b) = (start > from ? start : from, end < to ? end : to);
                sum += b > a ? b - a : TimeSpan.Zero;
            }
        }
        return sum;
    }

    /// <summary>The instant at which <paramref name="amount"/> of working time has passed since <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan amount)
    {
        var left = amount;
        var first = DayOf(from);
        for (var day = first; day.DayNumber - first.DayNumber <= HorizonDays; day = day.AddDays(1))
        {
            foreach (var (start, end) in Periods(day))
            {
                var begin = start > from ? start : from;
                if (end <= begin)
                {
                    continue;
                }
                if (left <= end - begin)
                {
                    return begin + left;
                }
                left -= end - begin;
            }
        }
        throw new InvalidOperationException($"No working time for {amount} within {HorizonDays} days of {from:O}.");
    }

    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (!_holidays.Contains(day) && _weekdays.Contains(day.DayOfWeek));

    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Periods(DateOnly day)
    {
        if (!IsWorkingDay(day))
        {
            yield break;
        }
        foreach (var (from, to) in _periods)
        {
            yield return (Instant(day, from), Instant(day, to));
        }
    }

    private DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _zone), TimeSpan.Zero);
    }

    private static (TimeOnly From, TimeOnly To)? Parse(string period)
    {
        var parts = period.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            && to > from
            ? (from, to)
            : null;
    }
}
