namespace Hub.Grains.Units;

/// <summary>
/// When a unit tells its parent and its screens of a change (DESIGN.md principle 2): the parent at
/// most every <see cref="FlushDelay"/>, or at once for an urgent change (a critical raise); screens
/// never more often than every <see cref="PushSpacing"/>. The grain asks after each change and each
/// time its timer fires, and does what the answer says.
/// </summary>
public sealed class UpdateThrottle(TimeProvider time)
{
    /// <summary>Four hops of this from a grid to the city stay well inside the 2 s of API.md §6.</summary>
    public static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Pushes to screens are spaced at least this far apart. API.md §7 allows 4 a second; the extra
    /// 50 ms is a margin for delivery, so that jitter on the way to a screen cannot bunch a fifth
    /// push into one second as the screen sees it.
    /// </summary>
    public static readonly TimeSpan PushSpacing = TimeSpan.FromMilliseconds(300);

    private DateTimeOffset _lastPush = DateTimeOffset.MinValue;
    private bool _timerSet;
    private bool _reportOwed;

    /// <summary>What to do now: tell the parent, push to screens, and (when not null) when to ask again.</summary>
    public readonly record struct Advice(bool Report, bool Push, TimeSpan? AskAgainIn);

    /// <summary>After a change of the unit's tally.</summary>
    public Advice Changed(bool urgent)
    {
        if (!urgent)
        {
            _reportOwed = true;
            return new Advice(false, false, Arm(FlushDelay));
        }
        _reportOwed = false;
        var wait = PushWait();
        return wait <= TimeSpan.Zero ? new Advice(true, true, null) : new Advice(true, false, Arm(wait));
    }

    /// <summary>When the timer set by an earlier answer fires.</summary>
    public Advice Due()
    {
        _timerSet = false;
        var report = _reportOwed;
        _reportOwed = false;
        var wait = PushWait();
        // The parent has heard; the screens hear when their spacing allows.
        return wait <= TimeSpan.Zero ? new Advice(report, true, null) : new Advice(report, false, Arm(wait));
    }

    /// <summary>The grain pushed to at least one screen now.</summary>
    public void Pushed() => _lastPush = time.GetUtcNow();

    private TimeSpan PushWait() => PushSpacing - (time.GetUtcNow() - _lastPush);

    /// <summary>A timer in <paramref name="delay"/>, unless one is already set (it will ask again anyway).</summary>
    private TimeSpan? Arm(TimeSpan delay)
    {
        if (_timerSet)
        {
            return null;
        }
        _timerSet = true;
        return delay;
    }
}
