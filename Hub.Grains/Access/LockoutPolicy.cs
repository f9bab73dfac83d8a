namespace Hub.Grains.Access;

/// <summary>
/// How failed sign-ins slow down the one who makes them. Counted per account and client address:
/// after <see cref="MaxFailures"/> failures in a row from one address, that address waits
/// <see cref="Duration"/> before its next try, and twice as long after each further failure, up to
/// <see cref="MaxDuration"/>. Other addresses are not held up, so a stranger guessing at an
/// officer's name slows only themself and never keeps the officer off the wall.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.lockout-policy")]
public sealed record LockoutPolicy([property: Id(0)] int MaxFailures, [property: Id(1)] TimeSpan Duration, [property: Id(2)] TimeSpan MaxDuration)
{
    /// <summary>Failures from one address are forgotten after this long without another.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    /// <summary>How long to wait after the <paramref name="failures"/>-th failure in a row; null: no wait.</summary>
    public TimeSpan? DelayAfter(int failures)
    {
        if (failures < MaxFailures)
        {
            return null;
        }
        var doublings = Math.Min(failures - MaxFailures, 30);
        var delay = Duration * Math.Pow(2, doublings);
        return delay > MaxDuration ? MaxDuration : delay;
    }
}
