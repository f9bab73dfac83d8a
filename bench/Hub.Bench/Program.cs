using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Bench;
using Hub.Dashboard.Json;
using Hub.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

// Throughput of the real ingest path against the raw rate of grain calls on this machine, in one
// run (these machines are noisy: compare ratios, not absolute figures). Run in Release:
//   dotnet run -c Release --project bench/Hub.Bench [-- seconds [postgres-connection-string]]
// With a connection string (an empty database) the hub runs on PostgreSQL storage instead of memory.
// With "latency" first, an open-loop load instead (OpenLoop): alert latency under check-in traffic.
//   dotnet run -c Release --project bench/Hub.Bench -- latency [seconds [postgres-connection-string]]
// With "province-file", no measurement: writes a province-sized topology file (ProvinceFile).
//   dotnet run -c Release --project bench/Hub.Bench -- province-file <path> [districts, 63]
if (args.Length > 1 && args[0] == "province-file")
{
    await ProvinceFile.Write(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 63);
    return;
}
var latency = args.Length > 0 && args[0] == "latency";
args = latency ? args[1..] : args;
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
string[] storage = args.Length > 1 ? ["--Hub:Storage", "postgres", "--ConnectionStrings:Hub", args[1]] : [];
var duration = TimeSpan.FromSeconds(seconds);
const int CallsInFlight = 1_000;
const int BatchSize = 1_000;
const int Senders = 4;
const int Rounds = 5;

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
HubJson.Configure(json);
var topologyFile = Path.Combine(Path.GetTempPath(), $"hub-bench-{Environment.ProcessId}.json");
await File.WriteAllTextAsync(topologyFile, JsonSerializer.Serialize(BenchCity.Build(), json));
var port = FreeTcpPort();
var adminPassword = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
var app = HubApplication.Build(
[
    "--urls", $"http://127.0.0.1:{port}",
    // The content root is watched for configuration changes, recursively: run from a directory where
    // PostgreSQL writes its WAL (the bench's server lives under /tmp), the watcher alone took 8 % of
    // the samples. The harness's own directory holds nothing that changes.
    "--contentRoot", AppContext.BaseDirectory,
    "--Hub:Topology", topologyFile,
    "--Hub:Demo", "false",
    "--Hub:SiloPort", FreeTcpPort().ToString(CultureInfo.InvariantCulture),
    "--Hub:GatewayPort", FreeTcpPort().ToString(CultureInfo.InvariantCulture),
    "--Logging:LogLevel:Default", "Warning",
    "--Logging:LogLevel:Orleans", "Error",
    "--Hub:Bootstrap:AdminPassword", adminPassword,
    // The raw grain-call rate is the baseline: the Orleans dashboard's call filter would slow it
    // 10-15 % and flatter every ratio (check-ins it leaves within noise; bench/RESULTS.md).
    "--Hub:Dashboard", "false",
    // Ingest goes through a center key as in production; its rate limit is lifted to measure the hub, not the limiter.
    "--Hub:Auth:KeyRequestsPerSecond", "1000000",
    "--Hub:Auth:KeyBurst", "1000000",
    "--Hub:Ingest:KeyCheckinsPerSecond", "1000000",
    "--Hub:Ingest:KeyCheckinBurst", "1000000",
    // The throughput measurement is closed-loop (each sender waits for its answer): the silo's own
    // bounds are lifted there too; the latency measurement keeps them, as production does.
    .. (latency ? [] : Unbounded),
    .. storage,
]);
await app.StartAsync();
var grains = app.Services.GetRequiredService<IGrainFactory>();
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(1) };
http.DefaultRequestHeaders.Add("X-Api-Key", await CenterKey(http, adminPassword));

if (latency)
{
    Console.WriteLine($"Governance Hub open-loop latency: {Environment.ProcessorCount} cores, {seconds} s per run, .NET {Environment.Version}, storage: {(storage.Length > 0 ? "postgres" : "memory")}");
    Console.WriteLine("check-ins in batches of 100 at a fixed rate, a critical alert every 200 ms; latencies from when each request was due, p50 / p99 / p99.9");
    Console.WriteLine();
    Console.WriteLine("| check-ins/s asked | grids | check-ins/s taken | refused 503 / 429 batches | batch answer | alert → screen | alert → district status | alerts seen |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    var wall = new OpenLoop(http, $"http://127.0.0.1:{port}/hubs/wall", await AdminToken(http, adminPassword), json);
    var run = 0;
    await wall.Run(1_000, [0, 1, 2], "B", TimeSpan.FromSeconds(3), "warm-up"); // JIT and activations, not measured
    foreach (var grids in new[] { 7, 1_000 })
    {
        foreach (var rate in new[] { 1_000, 3_000, 6_000, 10_000, 20_000, 40_000, 80_000 })
        {
            var o = await wall.Run(rate, Enumerable.Range(0, grids).Select(g => g * (BenchCity.Grids.Count / grids)).ToArray(), "B", duration, $"L{run++}");
            Console.WriteLine($"| {rate:N0} | {grids:N0} | {o.CheckinsAccepted / o.Seconds:N0} | {o.Refused503} / {o.Refused429} | {o.Batch} | {o.AlertPush} | {o.AlertStatus} | {o.AlertsSeen}/{o.AlertsSent} |");
        }
    }
    await app.StopAsync();
    File.Delete(topologyFile);
    return;
}

Console.WriteLine($"Governance Hub benchmark: {Environment.ProcessorCount} cores, {seconds} s per measurement, .NET {Environment.Version}, storage: {(storage.Length > 0 ? "postgres" : "memory")}");

// (a) The baseline: no-op grain calls, 1,000 in flight per window (Task.WhenAll, not Task.Run loops).
Task<int> PingWindow(int _) =>
    Task.WhenAll(Enumerable.Range(0, CallsInFlight).Select(i => grains.GetGrain<IPingGrain>(i).Ping())).ContinueWith(_ => CallsInFlight, TaskScheduler.Default);

// (b) Check-ins through HTTP, validation and one call per grid: each batch of 1,000 touches 1,000 grids.
// (c) The same, but each batch from 50 grids (20 check-ins each), as a center's hourly upload looks.
// Every measurement sends ids of its own: a batch resent from an earlier one would be all duplicates, which cost less.
var now = DateTimeOffset.UtcNow;
var phases = 0;
Func<int, Task<int>> Ingest(int gridsPerBatch)
{
    var phase = phases++;
    return async batch =>
    {
        var items = Enumerable.Range(0, BatchSize).Select(i =>
        {
            var grid = gridsPerBatch == BatchSize ? i : (batch * gridsPerBatch + i % gridsPerBatch) % BenchCity.Grids.Count;
            return new
            {
                id = $"bench-{phase}-{batch}-{i}",
                worker = BenchCity.Worker(grid),
                unit = $"{BenchCity.Grids[grid]}-B{1 + (i % 3)}",
                kind = "patrol",
                at = now,
            };
        });
        using var response = await http.PostAsJsonAsync("/api/v1/checkins", items, json);
        response.EnsureSuccessStatusCode();
        return BatchSize;
    };
}
await Measure.Run(TimeSpan.FromSeconds(2), 1, PingWindow);
await Measure.Run(TimeSpan.FromSeconds(3), Senders, Ingest(BatchSize));

// The measurements take turns in short rounds, so that each round's ratios compare runs made under
// the same conditions (these machines' pace drifts by tens of percent within a minute).
var slice = duration / Rounds;
var rounds = new List<(Measure.Result Ping, Measure.Result Ingest, Measure.Result Grouped, Measure.Result? Copy)>();
for (var round = 0; round < Rounds; round++)
{
    var ping = await Measure.Run(slice, 1, PingWindow);
    var ingest = await Measure.Run(slice, Senders, Ingest(BatchSize));
    var grouped = await Measure.Run(slice, Senders, Ingest(50));
    // (d) On PostgreSQL, the server's own pace for the rows an accepted check-in leaves: binary COPY.
    var copy = storage.Length > 0 ? await CopyBaseline.Run(args[1], slice, Senders, BatchSize) : null;
    rounds.Add((ping, ingest, grouped, copy));
}

var a = Measure.Result.Of(rounds.Select(r => r.Ping));
var b = Measure.Result.Of(rounds.Select(r => r.Ingest));
var c = Measure.Result.Of(rounds.Select(r => r.Grouped));
Console.WriteLine();
Console.WriteLine($"| measurement | rate | p50 | p99 |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
Console.WriteLine($"| (a) no-op grain calls, {CallsInFlight} in flight | {a.PerSecond:N0} calls/s | {Ms(a.Percentile(0.5))} per window | {Ms(a.Percentile(0.99))} per window |");
Console.WriteLine($"| (b) check-ins via POST /api/v1/checkins, batches of {BatchSize} over {BenchCity.Grids.Count} grids, {Senders} senders | {b.PerSecond:N0} check-ins/s | {Ms(b.Percentile(0.5))} per batch | {Ms(b.Percentile(0.99))} per batch |");
Console.WriteLine($"| (c) the same, each batch from 50 grids (20 check-ins per grid call) | {c.PerSecond:N0} check-ins/s | {Ms(c.Percentile(0.5))} per batch | {Ms(c.Percentile(0.99))} per batch |");
if (storage.Length > 0)
{
    var d = Measure.Result.Of(rounds.Select(r => r.Copy!));
    Console.WriteLine($"| (d) binary COPY of check-in history rows, {BatchSize} per commit, {Senders} writers | {d.PerSecond:N0} rows/s | {Ms(d.Percentile(0.5))} per commit | {Ms(d.Percentile(0.99))} per commit |");
}
Console.WriteLine($"paused for garbage collection: (a) {a.PausedShare:P1}, (b) {b.PausedShare:P1}, (c) {c.PausedShare:P1} of each measurement's time");
Console.WriteLine();
Console.WriteLine($"each ratio per round of {slice.TotalSeconds:0.#} s, median (lowest–highest of {Rounds}):");
Console.WriteLine($"b/a = {Ratio(r => r.Ingest.PerSecond / r.Ping.PerSecond)}, c/a = {Ratio(r => r.Grouped.PerSecond / r.Ping.PerSecond)} (check-ins applied per no-op grain call)");
if (storage.Length > 0)
{
    Console.WriteLine($"b/d = {Ratio(r => r.Ingest.PerSecond / r.Copy!.PerSecond)}, c/d = {Ratio(r => r.Grouped.PerSecond / r.Copy!.PerSecond)} (check-ins applied per row binary COPY writes)");
}

string Ratio(Func<(Measure.Result Ping, Measure.Result Ingest, Measure.Result Grouped, Measure.Result? Copy), double> of)
{
    var sorted = rounds.Select(of).Order().ToArray();
    return $"{sorted[sorted.Length / 2]:0.000} ({sorted[0]:0.000}–{sorted[^1]:0.000})";
}

await app.StopAsync();
File.Delete(topologyFile);

static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0.0} ms";

static int FreeTcpPort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task<string> AdminToken(HttpClient http, string adminPassword)
{
    using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { user = "admin", password = adminPassword });
    return (await login.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
}

// Signs in as the bootstrap admin and makes a key over the whole topology, as an operator would.
static async Task<string> CenterKey(HttpClient http, string adminPassword)
{
    var token = await AdminToken(http, adminPassword);
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/apikeys") { Content = JsonContent.Create(new { center = "BENCH", scope = "*" }) };
    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    using var created = await http.SendAsync(request);
    return (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
}

/// <summary>The silo's ingest bounds, lifted for the closed-loop throughput measurement.</summary>
internal static partial class Program
{
    private static readonly string[] Unbounded = ["--Hub:Ingest:MaxGridCallsInFlight", "1000000", "--Hub:Ingest:MaxCheckinRequests", "1000"];
}
