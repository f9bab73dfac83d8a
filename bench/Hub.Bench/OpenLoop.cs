using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.Bench;

/// <summary>
/// An open-loop load: check-ins arrive at a fixed rate whatever the hub answers, and a critical
/// alert every 200 ms. Every latency is measured from the moment the request was due, not sent, so
/// a stall of the driver or of the hub is counted rather than hidden (no coordinated omission).
/// Measured: each alert from due to its <c>raised</c> event at a wall screen's SignalR connection,
/// and to the first status of the district that counts it; each check-in batch from due to answer.
/// </summary>
public sealed class OpenLoop(HttpClient http, string wallUrl, string token, JsonSerializerOptions json)
{
    private const int BatchSize = 100;
    private static readonly TimeSpan AlertEvery = TimeSpan.FromMilliseconds(200);

    public sealed record Outcome(
        int Rate, int Grids, double Seconds, long CheckinsAccepted, long Refused503, long Refused429, long Failed,
        Percentiles Batch, Percentiles AlertPush, Percentiles AlertStatus, int AlertsSent, int AlertsSeen);

    public sealed record Percentiles(double P50, double P99, double P999, int Count)
    {
        public static Percentiles Of(IEnumerable<double> ms)
        {
            var sorted = ms.Order().ToArray();
            double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            return new Percentiles(At(0.5), At(0.99), At(0.999), sorted.Length);
        }

        public override string ToString() => Count == 0 ? "—" : $"{P50:0.0} / {P99:0.0} / {P999:0.0} ms";
    }

    public async Task<Outcome> Run(int rate, IReadOnlyList<int> grids, string district, TimeSpan duration, string runId)
    {
        var clock = Stopwatch.StartNew();
        var alertSeen = new ConcurrentDictionary<int, double>();
        var statusSeen = new ConcurrentDictionary<int, double>();
        var alertDue = new ConcurrentDictionary<int, double>();
        var criticalBefore = -1;
        var connection = new HubConnectionBuilder()
            .WithUrl(wallUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        connection.On<JsonElement>("alerts", events =>
        {
            var now = clock.Elapsed.TotalMilliseconds;
            foreach (var e in events.EnumerateArray())
            {
                if (e.TryGetProperty("kind", out var kind) && kind.GetString() == "raised"
                    && e.TryGetProperty("title", out var title) && title.GetString() is { } t && t.StartsWith(runId, StringComparison.Ordinal))
                {
                    alertSeen.TryAdd(int.Parse(t[(runId.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture), now);
                }
            }
        });
        connection.On<JsonElement>("status", s =>
        {
            var now = clock.Elapsed.TotalMilliseconds;
            if (s.GetProperty("code").GetString() != district || criticalBefore < 0)
            {
                return;
            }
            // The district counts the n-th alert of this run once its critical count reaches before + n.
            var counted = s.GetProperty("alerts").GetProperty("critical").GetInt32() - criticalBefore;
            for (var n = 1; n <= counted; n++)
            {
                statusSeen.TryAdd(n, now);
            }
        });
        await connection.StartAsync();
        var first = await connection.InvokeAsync<JsonElement>("Watch", district);
        criticalBefore = first.GetProperty("alerts").GetProperty("critical").GetInt32();

        long accepted = 0, refused503 = 0, refused429 = 0, failed = 0;
        var batchLatencies = new ConcurrentBag<double>();
        var inFlight = new List<Task>();
        var started = clock.Elapsed;
        var interval = TimeSpan.FromSeconds((double)BatchSize / rate);
        var nextBatch = started;
        var nextAlert = started;
        var batch = 0;
        var alert = 0;
        while (clock.Elapsed - started < duration)
        {
            var now = clock.Elapsed;
            while (nextAlert <= now)
            {
                var due = nextAlert.TotalMilliseconds;
                var n = ++alert;
                alertDue[n] = due;
                inFlight.Add(SendAlert(n));
                nextAlert += AlertEvery;
            }
            while (nextBatch <= now)
            {
                var due = nextBatch.TotalMilliseconds;
                inFlight.Add(SendBatch(batch++, due));
                nextBatch += interval;
            }
            var wait = (nextBatch < nextAlert ? nextBatch : nextAlert) - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
        }
        var elapsed = (clock.Elapsed - started).TotalSeconds;
        await Task.WhenAll(inFlight);
        // Pushes still on their way: up to two seconds more.
        var settle = Stopwatch.StartNew();
        while ((alertSeen.Count < alert || statusSeen.Count < alert) && settle.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(50);
        }
        await connection.DisposeAsync();

        return new Outcome(rate, grids.Count, elapsed, accepted, refused503, refused429, failed,
            Percentiles.Of(batchLatencies),
            Percentiles.Of(alertSeen.Select(kv => kv.Value - alertDue[kv.Key])),
            Percentiles.Of(statusSeen.Where(kv => alertDue.ContainsKey(kv.Key)).Select(kv => kv.Value - alertDue[kv.Key])),
            alert, alertSeen.Count);

        async Task SendBatch(int number, double due)
        {
            var items = Enumerable.Range(0, BatchSize).Select(i =>
            {
                var g = grids[(number * BatchSize + i) % grids.Count];
                return new { id = $"{runId}-{number}-{i}", worker = BenchCity.Worker(g), unit = $"{BenchCity.Grids[g]}-B{1 + (i % 3)}", kind = "patrol", at = DateTimeOffset.UtcNow };
            });
            try
            {
                using var response = await http.PostAsJsonAsync("/api/v1/checkins", items, json);
                batchLatencies.Add(clock.Elapsed.TotalMilliseconds - due);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Accepted: Interlocked.Add(ref accepted, BatchSize); break;
                    case HttpStatusCode.ServiceUnavailable: Interlocked.Increment(ref refused503); break;
                    case HttpStatusCode.TooManyRequests: Interlocked.Increment(ref refused429); break;
                    default: Interlocked.Increment(ref failed); break;
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failed);
            }
        }

        async Task SendAlert(int n)
        {
            var grid = BenchCity.Grids[grids[n % grids.Count]];
            var report = new[] { new { source = "BENCH", sourceId = $"{runId}-alert-{n}", unit = $"{grid}-B1", category = "gas", severity = "critical", at = DateTimeOffset.UtcNow, title = $"{runId}-{n}" } };
            using var response = await http.PostAsJsonAsync("/api/v1/alerts", report, json);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }
}
