using System.Net;
using System.Text;
using Hub.Tests.Durability;
using Hub.Tests.Support;
using Xunit.Abstractions;

namespace Hub.Tests.Figures;

/// <summary>
/// A million patrol visits into a real hub process on PostgreSQL: the upload is streamed (the test
/// never holds it either), its progress can be read while it is written, and the process's memory
/// stays bounded — far below what holding the records would take.
/// </summary>
public class LargeImportTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    private const int Visits = 1_000_000;

    /// <summary>More than streaming needs (a dictionary of fingerprints, a batch, buffers), much less than the records themselves.</summary>
    private const long MemoryBound = 400L * 1024 * 1024;

    /// <summary>An upload written line by line as the request is sent.</summary>
    private sealed class GeneratedNdjson(int lines, Func<int, string> line) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            for (var i = 0; i < lines; i++)
            {
                await writer.WriteLineAsync(line(i));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    [Fact]
    public async Task A_million_visits_are_imported_streamed_with_progress_in_bounded_memory()
    {
        var database = await postgres.Server.CreateDatabase();
        await using var hub = await SiloProcess.Start(PostgresFixture.Silo(database, postgres.TopologyFile));
        var before = hub.Memory();
        // From midnight in the hub's zone, one visit every 25 s: 3,456 a day.
        var start = new DateTimeOffset(DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(-300), DateTimeKind.Unspecified), TimeSpan.FromHours(8));
        string Line(int i)
        {
            var (s, g) = (1 + (i % 2), 1 + (i / 2 % 5));
            return $"{{\"id\":\"m{i}\",\"worker\":\"{TestCity.Worker(s, g, 1)}\",\"unit\":\"{TestCity.Building(s, g, 1 + (i % 3))}\",\"at\":\"{start.AddSeconds(i * 25):yyyy-MM-ddTHH:mm:sszzz}\"}}";
        }
        using var client = new HttpClient { BaseAddress = new Uri(hub.Url), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await SignIn.Token(hub.Anonymous().Http, SignIn.AdminUser, SignIn.AdminPassword));
        using var content = new GeneratedNdjson(Visits, Line);
        content.Headers.ContentType = new("application/x-ndjson");
        using var response = await client.PostAsync("/api/v1/import/patrols", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = response.Headers.Location!.ToString();

        var seen = new List<int>();
        System.Text.Json.Nodes.JsonNode state;
        do
        {
            await Task.Delay(250);
            state = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(job))!;
            seen.Add(state["written"]!.GetValue<int>());
        }
        while (state["state"]!.GetValue<string>() == "writing");
        Assert.Equal(("done", Visits, Visits), (state["state"]!.GetValue<string>(), state["records"]!.GetValue<int>(), state["imported"]!.GetValue<int>()));
        Assert.Contains(seen, w => w is > 0 and < Visits); // progress was readable on the way
        var after = hub.Memory();
        output.WriteLine($"resident before {before.NowBytes >> 20} MiB, peak {after.PeakBytes >> 20} MiB, {seen.Count} progress reads");
        Assert.True(after.PeakBytes - before.NowBytes < MemoryBound, $"peak {after.PeakBytes >> 20} MiB from {before.NowBytes >> 20} MiB");

        // The history has them: a day's patrol visits.
        var stats = (await hub.Api.Get($"/api/v1/units/{TestCity.District}/stats?from={start:yyyy-MM-dd}&to={start:yyyy-MM-dd}")).Json;
        Assert.Equal(86_400 / 25, stats["patrols"]!.GetValue<int>());
    }
}
