using System.Diagnostics;
using System.Net;
using System.Text;
using Hub.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Hub.Tests.Durability;

/// <summary>
/// A province-shaped topology, at a size CI can afford, through a real hub process on PostgreSQL:
/// uploaded as a stream it is read an entry at a time, stored in pieces, served again after a
/// <c>kill -9</c>, and a replace leaves only its own pieces stored.
/// </summary>
public class ProvinceTopologyTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    /// <summary>25 streets of 100 grids: 22,777 units in three pieces, 5,000 workers.</summary>
    private const int Streets = 25;

    /// <summary>Notes the hub does not read, sent inside the upload: a reader that held the body would hold these too.</summary>
    private const int NoteBytes = 512 * 1024 * 1024;

    /// <summary>The document, its index and its grids' activations, with room to spare; far less than the notes it streamed past.</summary>
    private const long MemoryBound = 256L * 1024 * 1024;

    /// <summary>A topology body written as the request is sent, with <see cref="NoteBytes"/> of notes after its lists.</summary>
    private sealed class StreamedTopology(string json) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(json.TrimEnd()[..^1] + ", \"notes\": ["));
            var note = Encoding.UTF8.GetBytes($"\"{new string('x', 1022)}\",");
            for (var written = 0; written < NoteBytes; written += note.Length)
            {
                await stream.WriteAsync(note);
            }
            await stream.WriteAsync("\"\"]}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    private static async Task<long> StoredPieces(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM hub_grain_state WHERE state_name = 'topology-piece' AND payload IS NOT NULL", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_province_uploaded_as_a_stream_is_stored_in_pieces_and_served_again_after_a_kill()
    {
        var database = await postgres.Server.CreateDatabase();
        var settings = PostgresFixture.Silo(database, postgres.TopologyFile);
        settings.Remove("Hub:Topology");
        var province = TestProvince.Build(Streets);
        Assert.Equal(22_777, province.Units.Count);

        await using (var hub = await SiloProcess.Start(settings))
        {
            var before = hub.Memory();
            using var client = new HttpClient { BaseAddress = new Uri(hub.Url), Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", await SignIn.Token(hub.Anonymous().Http, SignIn.AdminUser, SignIn.AdminPassword));
            using var body = new StreamedTopology(HubHost.Serialize(province));
            body.Headers.ContentType = new("application/json");
            using var replaced = await client.PutAsync("/api/v1/topology", body);
            Assert.True(replaced.StatusCode == HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
            var peak = hub.Memory().PeakBytes - before.NowBytes;
            output.WriteLine($"resident before {before.NowBytes >> 20} MiB, peak growth {peak >> 20} MiB for a body of {NoteBytes >> 20} MiB and more");
            Assert.True(peak < MemoryBound, $"peak grew by {peak >> 20} MiB");
            Assert.Equal(3, await StoredPieces(database));
        } // SIGKILL

        var clock = Stopwatch.StartNew();
        await using var again = await SiloProcess.Start(settings);
        var units = (await again.Api.Get("/api/v1/topology")).Json["units"]!.AsArray();
        var status = (await again.Api.Get($"/api/v1/units/{TestProvince.District}/status")).Json;
        output.WriteLine($"served again {clock.Elapsed.TotalSeconds:0.0} s after the restart began");
        Assert.Equal(province.Units.Select(u => u.Code), units.Select(u => u!["code"]!.GetValue<string>()));
        Assert.Equal(5_000, status["workers"]!["total"]!.GetValue<int>());
        var building = TestProvince.Building(Streets, 10, 10, 8);
        Assert.Equal(TestProvince.Grid(Streets, 10, 10), (await again.Api.Get($"/api/v1/topology/{building}")).Json["ancestors"]!.AsArray()[^1]!["code"]!.GetValue<string>());

        // A smaller province: the pieces of the one it replaced are removed.
        var smaller = TestProvince.Build(Streets - 12);
        Assert.Equal(HttpStatusCode.OK, (await again.Api.PutRaw("/api/v1/topology", HubHost.Serialize(smaller))).Status);
        Assert.Equal(2, await StoredPieces(database));
        Assert.Equal(2_600, (await again.Api.Get($"/api/v1/units/{TestProvince.District}/status")).Json["workers"]!["total"]!.GetValue<int>());
    }
}
