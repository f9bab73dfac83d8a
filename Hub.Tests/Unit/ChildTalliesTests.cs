using Hub.Grains.Model;
using Hub.Grains.Patrol;
using Hub.Grains.Rollup;
using Hub.Grains.Units;

namespace Hub.Tests.Unit;

public class ChildTalliesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly string[] Children = ["C1", "C2", "C3", "C4", "C5"];

    private static UnitTally Random(Random random, DateOnly day)
    {
        var at = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(8));
        PatrolProgress? Progress() => random.Next(3) == 0 ? null : new PatrolProgress(random.Next(5), random.Next(10), random.Next(10));
        DateTimeOffset? Time() => random.Next(3) == 0 ? null : at.AddMinutes(random.Next(600));
        return new UnitTally(
            AlertCounts.Zero with { Active = random.Next(9), Critical = random.Next(3), Escalated = new EscalationCounts(0, random.Next(2), 0, random.Next(2), 0), Overdue = random.Next(2) },
            new WorkerCounts(random.Next(20), random.Next(10), random.Next(2)),
            random.Next(30),
            new DayCounts(day, random.Next(100), random.Next(20), random.Next(5), random.Next(5), Week: Progress(), Month: Progress()),
            random.Next(4) == 0 ? null : new SourceTimes(Time(), Time()));
    }

    [Fact]
    public void The_kept_sum_is_the_sum_of_the_latest_tallies_after_every_report()
    {
        var random = new Random(20261202);
        var tallies = new ChildTallies(Children, Today);
        var latest = new Dictionary<string, VersionedTally>();
        for (var report = 0; report < 2_000; report++)
        {
            var child = Children[random.Next(Children.Length)];
            // Now and then a report from yesterday (a child silent since midnight) or one overtaken by a newer one.
            var tally = new VersionedTally(Random(random, random.Next(8) == 0 ? Today.AddDays(-1) : Today), random.Next(1_000));
            var newer = !latest.TryGetValue(child, out var known) || known.Version < tally.Version;
            Assert.Equal(newer, tallies.Offer(child, tally, Today));
            if (newer)
            {
                latest[child] = tally;
            }
            Assert.Equal(TallyMathTests.Sum(latest.Values.Select(v => v.Tally), Today), tallies.Sum(Today));
            Assert.Equal(latest[child].Tally, tallies.Of(child, Today));
        }
    }

    [Fact]
    public void When_the_day_turns_yesterdays_figures_count_for_nothing_but_the_rest_stays()
    {
        var random = new Random(7);
        var tallies = new ChildTallies(Children, Today);
        var reported = Children.Select((c, i) => (Child: c, Tally: new VersionedTally(Random(random, Today), i + 1))).ToList();
        reported.ForEach(r => tallies.Offer(r.Child, r.Tally, Today));

        var tomorrow = Today.AddDays(1);
        var sum = tallies.Sum(tomorrow);
        Assert.Equal(TallyMathTests.Sum(reported.Select(r => r.Tally.Tally), tomorrow), sum);
        Assert.Equal(DayCounts.Zero(tomorrow), sum.Today);
        Assert.Equal(reported.Sum(r => r.Tally.Tally.Workers.Total), sum.Workers.Total);
        Assert.Equal(reported.Sum(r => r.Tally.Tally.Alerts.Active), sum.Alerts.Active);
    }

    [Fact]
    public void Only_children_are_kept_and_a_new_shape_keeps_those_that_stay()
    {
        var tallies = new ChildTallies(["C1", "C2"], Today);
        var one = new VersionedTally(UnitTally.Empty(Today) with { PatrolTargets = 3 }, 1);
        var two = new VersionedTally(UnitTally.Empty(Today) with { PatrolTargets = 5 }, 1);
        Assert.False(tallies.Offer("C9", one, Today));
        Assert.True(tallies.Offer("C1", one, Today));
        Assert.True(tallies.Offer("C2", two, Today));
        Assert.Equal(8, tallies.Sum(Today).PatrolTargets);

        var reshaped = tallies.Reshaped(["C2", "C3"], Today);
        Assert.Equal(5, reshaped.Sum(Today).PatrolTargets);
        Assert.Equal(UnitTally.Empty(Today), reshaped.Of("C1", Today));
        Assert.True(reshaped.Offer("C3", one, Today));
        Assert.Equal(8, reshaped.Sum(Today).PatrolTargets);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(65)]
    public void A_sum_tree_totals_its_slots_as_they_change(int slots)
    {
        var random = new Random(slots);
        var tree = new SumTree<long>(slots, 0, (a, b) => a + b);
        var values = new long[slots];
        Assert.Equal(0, tree.Total);
        for (var change = 0; change < slots * 3; change++)
        {
            var slot = random.Next(slots);
            values[slot] = random.Next(-1_000, 1_000);
            tree.Set(slot, values[slot]);
            Assert.Equal(values.Sum(), tree.Total);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Set(slots, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Set(-1, 1));
    }
}
