using Hub.Grains.Access;

namespace Hub.Tests.Unit;

public class LockoutPolicyTests
{
    private static readonly LockoutPolicy Policy = new(5, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(60));

    [Theory]
    [InlineData(1, null)]
    [InlineData(4, null)]
    [InlineData(5, 5)]
    [InlineData(6, 10)]
    [InlineData(7, 20)]
    [InlineData(8, 40)]
    [InlineData(9, 60)]
    [InlineData(1_000, 60)]
    public void The_wait_starts_at_the_limit_and_doubles_up_to_the_ceiling(int failures, int? minutes) =>
        Assert.Equal(minutes is { } m ? TimeSpan.FromMinutes(m) : null, Policy.DelayAfter(failures));

    [Fact]
    public void Failures_are_forgotten_a_day_after_the_last_unless_still_locked()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.False(new SignInFailures(3, now - TimeSpan.FromHours(23), null).IsForgotten(now));
        Assert.True(new SignInFailures(3, now - TimeSpan.FromHours(25), null).IsForgotten(now));
        Assert.False(new SignInFailures(30, now - TimeSpan.FromHours(25), now + TimeSpan.FromMinutes(1)).IsForgotten(now));
    }
}
