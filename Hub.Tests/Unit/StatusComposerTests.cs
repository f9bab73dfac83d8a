using Hub.Grains.Model;
using Hub.Grains.Rollup;
using Hub.Grains.Topology;

namespace Hub.Tests.Unit;

public class StatusComposerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset AsOf = DateTimeOffset.Parse("2026-11-23T09:16:03+08:00");

    private static UnitNode Node(UnitLevel level) => new("X", "某单元", level, "P", [], ["P", "X"]);

    [Fact]
    public void Rates_and_figures_come_from_the_tally()
    {
        var tally = new UnitTally(AlertCounts.Zero, new WorkerCounts(1256, 880, 2), 4210,
            new DayCounts(Today, 15321, 3920, 57, 51, Rejected: 3, Reworked: 4, Rated: 6, RatingSum: 25, PatrolPlanned: 4210,
                Week: new(10, 20, 15), Month: new(5, 15, 3), OffPlacePatrols: 7));
        var status = StatusComposer.Compose(Node(UnitLevel.District), tally, [], AsOf);
        // 返工率 over today's handled (4/51), satisfaction the mean score (25/6).
        Assert.Equal(new StatusToday(15321, 4210, 3920, 0.9311, 57, 51, 0.8947, 3, 4, 0.0784, 6, 4.17, 4210, new(10, 20, 15), new(5, 15, 3), 7), status.Today);
        Assert.Equal((0.75, 0.2), (status.Today.Week!.Rate, status.Today.Month!.Rate));
        Assert.Equal(new StatusWorkers(1256, 880, 2), status.Workers);
        Assert.Equal(Health.Orange, status.Health);
        Assert.Equal(AsOf, status.AsOf);
    }

    [Fact]
    public void Zero_denominators_give_null_rates()
    {
        var status = StatusComposer.Compose(Node(UnitLevel.Grid), UnitTally.Empty(Today), [], AsOf);
        Assert.Null(status.Today.PatrolRate);
        Assert.Null(status.Today.HandlingRate);
        Assert.Equal(Health.Green, status.Health);
    }

    [Fact]
    public void Escalated_counts_only_alerts_that_reached_this_level_or_above()
    {
        var escalated = EscalationCounts.One(UnitLevel.Community) + EscalationCounts.One(UnitLevel.District);
        var tally = UnitTally.Empty(Today) with { Alerts = AlertCounts.Zero with { Active = 2, Unacknowledged = 2, Escalated = escalated } };
        Assert.Equal(2, StatusComposer.Compose(Node(UnitLevel.Grid), tally, [], AsOf).Alerts.Escalated);
        Assert.Equal(2, StatusComposer.Compose(Node(UnitLevel.Community), tally, [], AsOf).Alerts.Escalated);
        Assert.Equal(1, StatusComposer.Compose(Node(UnitLevel.Street), tally, [], AsOf).Alerts.Escalated);
        Assert.Equal(1, StatusComposer.Compose(Node(UnitLevel.District), tally, [], AsOf).Alerts.Escalated);
        Assert.Equal(0, StatusComposer.Compose(Node(UnitLevel.City), tally, [], AsOf).Alerts.Escalated);
    }

    [Fact]
    public void A_child_summary_carries_its_own_health()
    {
        var tally = UnitTally.Empty(Today) with
        {
            Alerts = AlertCounts.Zero with { Active = 3, Unacknowledged = 1, Critical = 1, Major = 2, UnacknowledgedCritical = 1 },
            Workers = new WorkerCounts(4, 3, 0),
        };
        var child = StatusComposer.Summarize(Node(UnitLevel.Grid), tally);
        Assert.Equal(new ChildSummary("X", "某单元", UnitLevel.Grid, Health.Red, new ChildAlerts(3, 1, 1, 2, 0), new ChildWorkers(4, 3)), child);
    }
}
