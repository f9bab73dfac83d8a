using Hub.Grains.Model;

namespace Hub.Tests.Unit;

public class EscalationCountsTests
{
    // One alert escalated to each level from grid up to city.
    private static readonly EscalationCounts OneEach =
        new[] { UnitLevel.Grid, UnitLevel.Community, UnitLevel.Street, UnitLevel.District, UnitLevel.City }
            .Select(EscalationCounts.One)
            .Aggregate(EscalationCounts.Zero, (a, b) => a + b);

    [Theory]
    [InlineData(UnitLevel.City, 1)]
    [InlineData(UnitLevel.District, 2)]
    [InlineData(UnitLevel.Street, 3)]
    [InlineData(UnitLevel.Community, 4)]
    [InlineData(UnitLevel.Grid, 5)]
    [InlineData(UnitLevel.Building, 5)]
    public void A_unit_counts_alerts_that_sit_with_it_or_above_it(UnitLevel level, int expected) =>
        Assert.Equal(expected, OneEach.AtOrAbove(level));

    [Fact]
    public void Any_counts_them_all() => Assert.Equal(5, OneEach.Any);

    [Fact]
    public void Nothing_escalates_to_a_building() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EscalationCounts.One(UnitLevel.Building));
}
