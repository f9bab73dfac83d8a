using System.Diagnostics;
using System.Net;
using Hub.Tests.Durability;
using Hub.Tests.Support;
using Xunit.Abstractions;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Trust;

/// <summary>
/// The alert feed is one grain. When the silo holding it dies, the walls on the survivor hear alert
/// events again within seconds of the cluster taking over, not at their next half-minute refresh.
/// </summary>
public class AlertFeedFailoverTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    /// <summary>From the first alert the survivor accepts to the first event its wall hears: the 2 s renewal and some slack.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_wall_on_the_survivor_hears_alerts_again_seconds_after_the_feeds_silo_dies()
    {
        var database = await postgres.Server.CreateDatabase();
        // A alone first: its wall bridge subscribes at start, so the feed lives on A.
        var a = await SiloProcess.Start(PostgresFixture.Silo(database, postgres.TopologyFile));
        await using var b = await SiloProcess.Start(PostgresFixture.Silo(database, postgres.TopologyFile));
        await using var wall = await WallClient.Connect(b.Url);
        await wall.Watch(TestCity.City);
        var before = await b.Api.Raise(Alert(TestCity.Grid(1, 1), severity: "critical", category: "fire"));
        await Eventually.Within(TimeSpan.FromSeconds(2), () => Task.FromResult(wall.EventsOf(before)), e => e.Count > 0, "the wall on B hears alerts");

        await a.DisposeAsync(); // SIGKILL the feed's silo
        var killed = Stopwatch.StartNew();
        TimeSpan? firstAccepted = null;
        var raised = new List<(TimeSpan At, string Id)>();
        var heard = await Eventually.Within(TimeSpan.FromSeconds(60), async () =>
        {
            try
            {
                var answer = await b.Api.Alerts(Alert(TestCity.Grid(2, 1 + (raised.Count % 5)), severity: "critical", category: $"after-{raised.Count}"));
                if (answer.Status == HttpStatusCode.Accepted)
                {
                    firstAccepted ??= killed.Elapsed;
                    raised.Add((killed.Elapsed, answer.Json["results"]![0]!["alertId"]!.GetValue<string>()));
                }
            }
            catch (TaskCanceledException)
            {
                // The survivor waited on the dead silo; the cluster has not declared it dead yet.
            }
            await Task.Delay(500);
            return raised.FirstOrDefault(r => wall.EventsOf(r.Id).Count > 0);
        }, r => r.Id is not null, "the wall on B hears an alert raised after the kill");

        output.WriteLine($"feed failover: first alert accepted {firstAccepted!.Value.TotalSeconds:0.0} s after the kill, " +
            $"first one heard raised {heard.At.TotalSeconds:0.0} s after it");
        Assert.True(heard.At - firstAccepted.Value <= Recovery,
            $"the first alert heard was raised {(heard.At - firstAccepted.Value).TotalSeconds:0.0} s after the survivor accepted alerts again");
    }
}
