using Hub.Grains.Alerts;

namespace Hub.Tests.Unit;

public class EscalationLadderTests
{
    private static readonly string[] Path = ["T", "D1", "S1", "C1", "G1", "B1"];
    private static readonly TimeSpan Sla = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(119, 0, null)]
    [InlineData(120, 1, "G1")]
    [InlineData(239, 1, "G1")]
    [InlineData(240, 2, "C1")]
    [InlineData(600, 5, "T")]
    [InlineData(6000, 5, "T")]
    public void One_level_per_period_until_the_top(int seconds, int steps, string? unit)
    {
        var climbed = EscalationLadder.Steps(TimeSpan.FromSeconds(seconds), Sla, Path.Length);
        Assert.Equal(steps, climbed);
        Assert.Equal(unit, EscalationLadder.UnitAfter(Path, climbed));
    }

    [Fact]
    public void The_next_climb_is_one_period_after_the_last_and_none_at_the_top()
    {
        var raised = DateTimeOffset.Parse("2026-11-23T09:00:00+08:00");
        Assert.Equal(raised.AddMinutes(2), EscalationLadder.NextAt(raised, Sla, 0, Path.Length));
        Assert.Equal(raised.AddMinutes(6), EscalationLadder.NextAt(raised, Sla, 2, Path.Length));
        Assert.Null(EscalationLadder.NextAt(raised, Sla, 5, Path.Length));
    }

    [Fact]
    public void A_top_unit_alert_never_climbs() =>
        Assert.Equal(0, EscalationLadder.Steps(TimeSpan.FromHours(5), Sla, 1));

    [Theory]
    [InlineData(null, 0)]
    [InlineData("G1", 1)]
    [InlineData("C1", 2)]
    [InlineData("T", 5)]
    public void Climbs_taken_are_read_back_from_where_the_alert_sits(string? escalatedTo, int taken)
    {
        Assert.Equal(taken, EscalationLadder.StepsTaken(Path, escalatedTo));
        Assert.Equal(escalatedTo, EscalationLadder.UnitAfter(Path, taken));
    }
}
