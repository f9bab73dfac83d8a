using Hub.Grains.Rollup;

namespace Hub.Tests.Unit;

public class RateTests
{
    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(5, 0, null)]
    [InlineData(0, 7, 0.0)]
    [InlineData(1, 3, 0.3333)]
    [InlineData(2, 3, 0.6667)]
    [InlineData(3920, 4210, 0.9311)]
    [InlineData(51, 57, 0.8947)]
    [InlineData(1, 1, 1.0)]
    [InlineData(1, 80000, 0.0)] // 0.0000125 rounds down
    [InlineData(1, 20000, 0.0001)] // exactly 0.00005 rounds half away from zero
    public void Rates_are_fractions_rounded_to_four_places_and_null_over_zero(int part, int whole, double? expected) =>
        Assert.Equal(expected, Rate.Of(part, whole));
}
