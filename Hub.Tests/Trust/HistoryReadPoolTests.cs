using System.Net;
using Hub.Tests.Support;
using Npgsql;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Trust;

/// <summary>A hub whose history reads have two connections and one second each.</summary>
public sealed class SmallReadPoolHost : PostgresHubHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
        base.Settings().Concat([new("Hub:History:ReadPool", "2"), new("Hub:History:ReadTimeoutSeconds", "1")]);
}

/// <summary>
/// Reads never starve writes: history reads (stats, charts, lists) have their own small pool with a
/// statement timeout. Twenty reports stuck behind a lock answer 503 in bounded time, and
/// check-ins arriving meanwhile are acknowledged as ever.
/// </summary>
public class HistoryReadPoolTests(SmallReadPoolHost host) : IClassFixture<SmallReadPoolHost>
{
    [Fact]
    public async Task Stuck_history_reads_time_out_on_their_own_pool_while_check_ins_go_on()
    {
        var grid = TestCity.Grid(2, 1);
        var stats = $"/api/v1/units/{TestCity.City}/stats?from=2026-01-01&to=2026-12-31";
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Get(stats)).Status);

        // A long report elsewhere holds the alerts table: every stats read waits on it.
        await using var holder = new NpgsqlConnection(host.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE hub_alerts IN ACCESS EXCLUSIVE MODE", holder, transaction))
        {
            await hold.ExecuteNonQueryAsync();
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reads = Enumerable.Range(0, 20).Select(async _ => (await host.Api.Get(stats), clock.Elapsed)).ToArray();
        var writes = new List<Api.Answer>();
        for (var i = 0; i < 10; i++)
        {
            writes.Add(await host.Api.Checkins(Checkin(TestCity.Worker(2, 1, 1), TestCity.Building(2, 1, 1 + (i % 3)), "patrol", id: $"pool-{i}")));
        }
        var written = clock.Elapsed;
        var done = await Task.WhenAll(reads);
        Assert.True(done.Any(r => r.Elapsed > written), $"writes done at {written}; reads done at {string.Join(", ", done.Select(r => r.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
        var answers = done.Select(r => r.Item1).ToArray();
        await transaction.RollbackAsync();

        Assert.All(writes, w => Assert.Equal(HttpStatusCode.Accepted, w.Status));
        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.Equal("application/problem+json", a.ContentType);
        });
        Assert.Equal(HttpStatusCode.OK, (await host.Api.Get(stats)).Status);
        await Eventually.Within(TimeSpan.FromSeconds(2), () => host.Api.Status(grid),
            s => s["today"]!["checkins"]!.GetValue<int>() == 10, "the check-ins are counted");
    }
}
