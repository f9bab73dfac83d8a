using System.Diagnostics;
using Hub.Grains.Model;
using Hub.Grains.Units;
using Hub.Tests.Support;

namespace Hub.Tests.Grains;

/// <summary>On a cluster of its own, so that nothing else moves the figures it waits for.</summary>
public class RollupLatencyTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Every_ancestor_shows_a_change_within_two_seconds()
    {
        var grains = fixture.Grains;
        var checkin = new CheckinReport(null, TestCity.Worker(2, 1, 1), TestCity.Building(2, 1, 3), CheckinKind.Patrol, DateTimeOffset.UtcNow, null, null);
        await grains.GetGrain<IGridGrain>(TestCity.Grid(2, 1)).ApplyCheckins([checkin]);
        var since = Stopwatch.StartNew();
        foreach (var area in new[] { TestCity.Community(2), TestCity.Street(2), TestCity.District, TestCity.City })
        {
            var tally = await Eventually.Within(
                TimeSpan.FromSeconds(2) - since.Elapsed, async () => (await grains.GetGrain<IAreaGrain>(area).GetTally()).Tally, t => t.Today.Patrolled == 1, $"{area} shows the patrol");
            Assert.Equal((1, 1), (tally.Today.Checkins, tally.Workers.OnDuty));
        }
    }
}
