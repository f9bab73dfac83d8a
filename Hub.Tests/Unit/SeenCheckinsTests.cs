using Hub.Grains.Units;

namespace Hub.Tests.Unit;

public class SeenCheckinsTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void Ids_older_than_the_window_are_forgotten()
    {
        var seen = new Dictionary<string, DateOnly> { ["a"] = Today.AddDays(-8), ["b"] = Today.AddDays(-7), ["c"] = Today };
        SeenCheckins.Bound(seen, Today.AddDays(-7));
        Assert.Equal(["b", "c"], seen.Keys.Order());
    }

    [Fact]
    public void Past_the_cap_the_oldest_days_go_first_and_exactly_the_cap_remains()
    {
        var seen = new Dictionary<string, DateOnly>();
        for (var i = 0; i < 10; i++)
        {
            seen[$"old-{i}"] = Today.AddDays(-3);
            seen[$"new-{i}"] = Today;
        }
        SeenCheckins.Bound(seen, Today.AddDays(-7), max: 15);
        Assert.Equal(15, seen.Count);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Contains($"new-{i}", seen.Keys));
        SeenCheckins.Bound(seen, Today.AddDays(-7), max: 15);
        Assert.Equal(15, seen.Count); // at the cap: nothing more goes
    }
}
