using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Hub.Tests.Durability;
using Hub.Tests.Support;
using Npgsql;
using Xunit.Abstractions;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Drills;

/// <summary>
/// Fault drill: in a two-silo cluster under steady load, one silo after the other is killed with
/// SIGKILL and started again, five times. No acknowledged write is lost, no alert is acknowledged
/// twice, and afterwards every unit's figures agree with what is stored.
/// </summary>
public class SiloKillDrill(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int Kills = 5;

    [Fact]
    public async Task Killing_silos_in_turn_under_load_loses_no_acknowledged_write_and_acks_no_alert_twice()
    {
        var database = await postgres.Server.CreateDatabase();
        var settings = new[] { PostgresFixture.Silo(database, postgres.TopologyFile), PostgresFixture.Silo(database, postgres.TopologyFile) };
        var silos = new SiloProcess?[2];
        for (var i = 0; i < 2; i++)
        {
            silos[i] = await SiloProcess.Start(settings[i]);
            await silos[i]!.Api.Status(TestCity.City);
        }
        Api? Target(int n) => silos[n % 2]?.Api ?? silos[(n + 1) % 2]?.Api;

        var reporters = Enumerable.Range(1, 2).SelectMany(s => Enumerable.Range(1, 5).Select(g => (TestCity.Worker(s, g, 1), TestCity.Building(s, g, 1)))).ToArray();
        var load = new DrillLoad(Target, reporters);
        var duty = new DutyOfficer(Target);
        using var stop = new CancellationTokenSource();
        var running = Task.WhenAll(load.Run(writers: 3, stop.Token), duty.Run(stop.Token));

        var restarts = new List<TimeSpan>();
        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var victim = kill % 2;
            var dying = silos[victim]!;
            silos[victim] = null;
            await dying.DisposeAsync(); // SIGKILL
            var down = Stopwatch.StartNew();
            var again = await SiloProcess.Start(settings[victim]);
            await Eventually.Within(TimeSpan.FromSeconds(30), async () =>
            {
                try
                {
                    return (await again.Api.Get($"/api/v1/units/{TestCity.City}/status")).Status;
                }
                catch (HttpRequestException)
                {
                    return HttpStatusCode.ServiceUnavailable;
                }
            }, s => s == HttpStatusCode.OK, "the restarted silo answers");
            silos[victim] = again;
            restarts.Add(down.Elapsed);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await running;
        try
        {
            var refused = load.RefusedBatches;
            var resent = await load.ResendRefused(TimeSpan.FromSeconds(60));
            await duty.Finish(TimeSpan.FromSeconds(60));

            var (stored, byGrid) = await Stored(database);
            // What was acknowledged is stored; then, everything sent was (each refused batch was resent until acknowledged).
            var lost = load.Acknowledged.Except(stored).Order(StringComparer.Ordinal).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} acknowledged check-ins are not stored: {string.Join(", ", lost.Take(20))}");
            var missing = load.Sent.Except(stored).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} check-ins sent are not stored, none of them acknowledged: {string.Join(", ", missing.Take(20))}");
            Assert.Equal(load.Sent.Count, stored.Count);
            var api = Target(0)!;
            foreach (var (grid, count) in byGrid)
            {
                await Eventually.Within(TimeSpan.FromSeconds(30), () => api.Status(grid),
                    s => s["today"]!["checkins"]!.GetValue<int>() == count, $"grid {grid} counts what is stored");
            }
            var city = await Eventually.Within(TimeSpan.FromSeconds(30), () => api.Status(TestCity.City),
                s => s["today"]!["checkins"]!.GetValue<int>() == stored.Count
                     && s["alerts"]!["active"]!.GetValue<int>() == duty.Raised.Count
                     && s["alerts"]!["unacknowledged"]!.GetValue<int>() == duty.Raised.Count - duty.Acknowledged.Count,
                "the city agrees with what is stored");
            Assert.NotNull(city);
            foreach (var id in duty.Raised)
            {
                var audit = (await api.Get($"/api/v1/alerts/{id}")).Json["audit"]!.AsArray();
                Assert.Equal(1, audit.Count(a => a!["action"]!.GetValue<string>() == "raised"));
                Assert.Equal(duty.Acknowledged.Contains(id) ? 1 : 0, audit.Count(a => a!["action"]!.GetValue<string>() == "acknowledged"));
            }
            output.WriteLine($"drill: silo-kill x{Kills} | batches {load.Batches} | check-ins acknowledged {load.Acknowledged.Count} | refused batches {refused} (resent {resent}) " +
                $"| lost 0 | stored {stored.Count} of {load.Sent.Count} sent | alerts raised {duty.Raised.Count}, acknowledged {duty.Acknowledged.Count}, acknowledged twice 0 " +
                $"| ack answers lost and retried {duty.Retries} | restart to answering: {string.Join(", ", restarts.Select(r => $"{r.TotalSeconds:0.0} s"))}");
        }
        finally
        {
            foreach (var silo in silos)
            {
                if (silo is not null)
                {
                    await silo.DisposeAsync();
                }
            }
        }
    }

    private static async Task<(HashSet<string> Ids, Dictionary<string, int> ByGrid)> Stored(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT grid, id FROM hub_checkins WHERE id LIKE 'drill-%'", connection);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var byGrid = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.True(ids.Add(reader.GetString(1)), "a check-in stored twice");
            byGrid[reader.GetString(0)] = byGrid.GetValueOrDefault(reader.GetString(0)) + 1;
        }
        return (ids, byGrid);
    }

    /// <summary>
    /// Raises alerts and acknowledges two of each three through the other silo. An answer that is
    /// lost is asked again; a 409 naming the acknowledgement as made then counts as this officer's own.
    /// </summary>
    private sealed class DutyOfficer(Func<int, Api?> target)
    {
        private sealed class Case(int n)
        {
            public int N { get; } = n;

            public string SourceId => $"kill-drill-{N}";

            public bool LeaveUnacknowledged => N % 3 == 0;

            public string? Id { get; set; }

            public bool AckSent { get; set; }
        }

        private readonly ConcurrentQueue<Case> _pending = new();
        private int _n;

        public HashSet<string> Raised { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Acknowledged { get; } = new(StringComparer.Ordinal);

        public int Retries { get; private set; }

        public async Task Run(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                await Step(new Case(++_n));
                await Task.Delay(150, CancellationToken.None);
            }
        }

        /// <summary>Takes every case still pending through raise and ack.</summary>
        public async Task Finish(TimeSpan within)
        {
            var deadline = Stopwatch.StartNew();
            while (_pending.TryDequeue(out var item))
            {
                Assert.True(deadline.Elapsed < within, "alerts still pending after the drill");
                if (!await Step(item))
                {
                    await Task.Delay(200);
                }
            }
        }

        /// <returns>True when the case is done; otherwise it is pending again.</returns>
        private async Task<bool> Step(Case item)
        {
            try
            {
                if (item.Id is null)
                {
                    var raise = await (target(item.N) ?? throw new HttpRequestException("no silo")).Alerts(
                        Alert(TestCity.Grid(1 + (item.N % 2), 6), severity: "minor", category: $"drill-{item.N % 5}", sourceId: item.SourceId));
                    if (raise.Status != HttpStatusCode.Accepted)
                    {
                        Assert.True(raise.Status == HttpStatusCode.ServiceUnavailable, $"a raise got {raise}");
                        return Again(item);
                    }
                    item.Id = raise.Json["results"]![0]!["alertId"]!.GetValue<string>();
                    Raised.Add(item.Id);
                }
                if (item.LeaveUnacknowledged)
                {
                    return true;
                }
                var sentBefore = item.AckSent;
                item.AckSent = true;
                var ack = await (target(item.N + 1) ?? throw new HttpRequestException("no silo")).Post($"/api/v1/alerts/{item.Id}/ack", new { note = "收到" });
                if (ack.Status == HttpStatusCode.OK
                    || (sentBefore && ack.Status == HttpStatusCode.Conflict && ack.Json["state"]!.GetValue<string>() == "acknowledged"))
                {
                    Acknowledged.Add(item.Id);
                    return true;
                }
                Assert.True(ack.Status == HttpStatusCode.ServiceUnavailable, $"an ack got {ack}");
                return Again(item);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return Again(item);
            }
        }

        private bool Again(Case item)
        {
            _pending.Enqueue(item);
            Retries++;
            return false;
        }
    }
}
