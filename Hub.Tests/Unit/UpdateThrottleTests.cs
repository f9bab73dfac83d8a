using Hub.Grains.Units;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Tests.Unit;

public class UpdateThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Changes_are_reported_up_once_per_flush_and_the_timer_is_set_once()
    {
        var throttle = new UpdateThrottle(_time);
        Assert.Equal(new UpdateThrottle.Advice(false, false, UpdateThrottle.FlushDelay), throttle.Changed(urgent: false));
        Assert.Equal(new UpdateThrottle.Advice(false, false, null), throttle.Changed(urgent: false)); // the timer is already set
        _time.Advance(UpdateThrottle.FlushDelay);
        Assert.Equal(new UpdateThrottle.Advice(true, true, null), throttle.Due());
        throttle.Pushed();
        // The next change waits for the next flush again.
        Assert.Equal(new UpdateThrottle.Advice(false, false, UpdateThrottle.FlushDelay), throttle.Changed(urgent: false));
    }

    [Fact]
    public void An_urgent_change_goes_up_at_once_and_screens_wait_for_their_spacing()
    {
        var throttle = new UpdateThrottle(_time);
        Assert.Equal(new UpdateThrottle.Advice(true, true, null), throttle.Changed(urgent: true));
        throttle.Pushed();
        _time.Advance(TimeSpan.FromMilliseconds(100));
        // 100 ms after a push: the parent hears now, the screens 200 ms later.
        Assert.Equal(new UpdateThrottle.Advice(true, false, TimeSpan.FromMilliseconds(200)), throttle.Changed(urgent: true));
        _time.Advance(TimeSpan.FromMilliseconds(199));
        var early = throttle.Due();
        Assert.Equal((false, false, TimeSpan.FromMilliseconds(1)), (early.Report, early.Push, early.AskAgainIn));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new UpdateThrottle.Advice(false, true, null), throttle.Due());
    }

    [Fact]
    public void Screens_never_get_more_than_one_push_per_spacing()
    {
        var throttle = new UpdateThrottle(_time);
        var pushes = new List<DateTimeOffset>();
        TimeSpan? timer = null;
        void Follow(UpdateThrottle.Advice advice)
        {
            if (advice.Push)
            {
                throttle.Pushed();
                pushes.Add(_time.GetUtcNow());
            }
            if (advice.AskAgainIn is { } again)
            {
                timer = again;
            }
        }
        for (var ms = 0; ms < 3_000; ms += 10)
        {
            if (timer is { } due && due <= TimeSpan.Zero)
            {
                timer = null;
                Follow(throttle.Due());
            }
            if (ms % 20 == 0)
            {
                Follow(throttle.Changed(urgent: ms % 40 == 0));
            }
            _time.Advance(TimeSpan.FromMilliseconds(10));
            timer -= TimeSpan.FromMilliseconds(10);
        }
        Assert.True(pushes.Count >= 9, $"{pushes.Count} pushes in 3 s");
        Assert.All(pushes.Zip(pushes.Skip(1)), p => Assert.True(p.Second - p.First >= UpdateThrottle.PushSpacing, $"{(p.Second - p.First).TotalMilliseconds} ms apart"));
    }
}
