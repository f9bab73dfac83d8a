using System.Net;
using System.Text.Json.Nodes;
using Hub.Tests.Support;
using static Hub.Tests.Support.Reports;

namespace Hub.Tests.Durability;

/// <summary>A field report's photos, once answered, outlive a kill -9: in PostgreSQL, and in a photo directory.</summary>
public class CasePhotoStorageTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Password = "field-worker-password-1";

    [Fact]
    public async Task Photos_kept_in_postgres_are_served_after_the_hub_is_killed()
    {
        var settings = PostgresFixture.Silo(await postgres.Server.CreateDatabase(), postgres.TopologyFile);
        await Reported(settings);
    }

    [Fact]
    public async Task Photos_kept_in_a_directory_are_files_there_and_served_after_the_hub_is_killed()
    {
        var directory = Directory.CreateTempSubdirectory("hub-photos-").FullName;
        try
        {
            var settings = PostgresFixture.Silo(await postgres.Server.CreateDatabase(), postgres.TopologyFile, new Dictionary<string, string> { ["Hub:Photos:Directory"] = directory });
            var alert = await Reported(settings);
            var files = Directory.GetFiles(Path.Combine(directory, alert)).Select(Path.GetFileName).Order().ToArray();
            Assert.Equal(2, files.Count(f => f!.EndsWith(".img", StringComparison.Ordinal)));
            Assert.Single(files, f => f!.EndsWith(".photos.json", StringComparison.Ordinal));
            Assert.DoesNotContain(files, f => f!.EndsWith(".partial", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A worker reports with two photos; the hub is killed and started again; both photos are as sent.</summary>
    private static async Task<string> Reported(Dictionary<string, string> settings)
    {
        var first = TestImages.Png(32, 32, (10, 20, 30));
        var second = TestImages.Png(48, 24, (200, 100, 0));
        string alert;
        await using (var silo = await SiloProcess.Start(settings))
        {
            var created = await silo.Api.Post("/api/v1/users", new { user = "w-durable", password = Password, role = "worker", worker = TestCity.Worker(1, 2, 1) });
            Assert.Equal(HttpStatusCode.Created, created.Status);
            var report = new JsonObject
            {
                ["sourceId"] = "durable-1",
                ["unit"] = TestCity.Building(1, 2, 1),
                ["category"] = "manhole",
                ["severity"] = "major",
                ["at"] = Time(Now),
                ["detail"] = "井盖缺失",
                ["photos"] = new JsonArray(TestImages.DataUrl(first), TestImages.DataUrl(second)),
            };
            var answer = await silo.As("w-durable", Password).Post("/api/v1/field/reports", report);
            Assert.True(answer.Status == HttpStatusCode.Accepted, answer.ToString());
            alert = answer.Json["alertId"]!.GetValue<string>();
        } // SIGKILL, no goodbye

        await using var again = await SiloProcess.Start(settings);
        Assert.Equal(first, await again.Api.GetBytes($"/api/v1/alerts/{alert}/photos/1"));
        Assert.Equal(second, await again.Api.GetBytes($"/api/v1/alerts/{alert}/photos/2"));
        return alert;
    }
}
