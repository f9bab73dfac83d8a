using Hub.Grains.Model;
using Hub.Grains.Units;
using Hub.Tests.Support;

namespace Hub.Tests.Grains;

public class RollupGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static CheckinReport Patrol(int s, int g, int b, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), TestCity.Worker(s, g, 1), TestCity.Building(s, g, b), CheckinKind.Patrol, DateTimeOffset.UtcNow, null, null);

    private Task<UnitTally> Tally(string area) => _grains.GetGrain<IAreaGrain>(area).GetTally().ContinueWith(t => t.Result.Tally, TaskScheduler.Default);

    [Fact]
    public async Task A_grid_applies_a_batch_and_counts_a_resend_as_duplicates()
    {
        var grid = _grains.GetGrain<IGridGrain>(TestCity.Grid(1, 1));
        var batch = new[] { Patrol(1, 1, 1, "g-a"), Patrol(1, 1, 2, "g-b"), Patrol(1, 1, 2, "g-c") };
        Assert.Equal(new CheckinResult(3, 0), await grid.ApplyCheckins(batch));
        Assert.Equal(new CheckinResult(0, 3), await grid.ApplyCheckins(batch));
        var tally = (await grid.GetTally()).Tally;
        Assert.Equal(3, tally.Today.Checkins);
        Assert.Equal(2, tally.Today.Patrolled);
        Assert.Equal(3, tally.PatrolTargets);
        Assert.Equal(new WorkerCounts(2, 1, 0), tally.Workers);
    }

    [Fact]
    public async Task A_burst_of_changes_reaches_the_parent_as_a_few_whole_tallies()
    {
        var gridCode = TestCity.Grid(1, 3);
        var grid = _grains.GetGrain<IGridGrain>(gridCode);
        await grid.ApplyCheckins([Patrol(1, 3, 1)]);
        await Task.Delay(UpdateThrottle.FlushDelay * 3);
        var reportsBefore = ReportCounter.Of(TestCity.Community(1), gridCode);

        var started = DateTime.UtcNow;
        for (var i = 0; i < 200; i++)
        {
            await grid.ApplyCheckins([Patrol(1, 3, 1 + (i % 3))]);
        }
        var elapsed = DateTime.UtcNow - started;
        await Eventually.Within(TimeSpan.FromSeconds(2), () => Tally(TestCity.Community(1)), t => t.Today.Checkins >= 201, "community total");

        var reports = ReportCounter.Of(TestCity.Community(1), gridCode) - reportsBefore;
        var allowed = (int)(elapsed / UpdateThrottle.FlushDelay) + 2;
        Assert.InRange(reports, 1, allowed);
    }

    [Fact]
    public async Task A_parent_rebuilds_its_sum_from_its_children_after_deactivation()
    {
        var community = TestCity.Community(2);
        await _grains.GetGrain<IGridGrain>(TestCity.Grid(2, 4)).ApplyCheckins([Patrol(2, 4, 1), Patrol(2, 4, 2)]);
        var settled = await Eventually.Within(TimeSpan.FromSeconds(2), () => Tally(community), t => t.Today.Patrolled >= 2, "community sees patrols");

        var management = _grains.GetGrain<IManagementGrain>(0);
        var reference = (GrainReference)_grains.GetGrain<IAreaGrain>(community);
        await management.DeactivateGrain(reference.GrainId);
        await Eventually.Within(TimeSpan.FromSeconds(5), () => management.GetGrainActivationCount(reference), n => n == 0, "community deactivated");

        var rebuilt = await Tally(community);
        Assert.Equal(settled.Today.Checkins, rebuilt.Today.Checkins);
        Assert.Equal(settled.Today.Patrolled, rebuilt.Today.Patrolled);
        Assert.Equal(settled.Workers, rebuilt.Workers);
        Assert.Equal(16, rebuilt.PatrolTargets); // five grids of three buildings, one grid that is its own target
    }
}
