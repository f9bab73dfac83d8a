using Microsoft.Extensions.Options;

namespace Hub.Grains.Time;

/// <summary>"Now" and "today" in the hub's configured zone; every day boundary goes through here.</summary>
public sealed class HubClock
{
    private readonly TimeProvider _time;

    public HubClock(TimeProvider time, IOptions<HubOptions> options)
    {
        _time = time;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Now => InZone(_time.GetUtcNow());

    public DateOnly Today => DayOf(_time.GetUtcNow());

    public DateTimeOffset InZone(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>How long until the next day begins in the hub's zone (at least a moment).</summary>
    public TimeSpan UntilNextDay()
    {
        var now = _time.GetUtcNow();
        var next = StartOf(DayOf(now).AddDays(1));
        return next > now ? next - now : TimeSpan.FromMilliseconds(1);
    }

    /// <summary>The moment <paramref name="day"/> begins in the hub's zone.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        // Where a clock change skips midnight, the day begins when the clock resumes.
        while (Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, Zone), TimeSpan.Zero);
    }

    /// <summary>The calendar day, in the hub's zone, that <paramref name="at"/> falls on.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(InZone(at).DateTime);
}
