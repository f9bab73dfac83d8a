using Hub.Tests.Support;

namespace Hub.Tests.Durability;

/// <summary>
/// A silo started again with the <c>Hub:Topology</c> file its stored topology came from does not
/// read that file again (a province's takes seconds); a changed file is read and replaces it.
/// </summary>
public class TopologyFileTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string NotReadAgain = "it is not read again";

    [Fact]
    public async Task The_same_file_is_not_read_again_at_a_restart_and_a_changed_one_is()
    {
        var settings = PostgresFixture.Silo(await postgres.Server.CreateDatabase(), postgres.TopologyFile);
        await using (var first = await SiloProcess.Start(settings))
        {
            Assert.DoesNotContain(NotReadAgain, first.Output, StringComparison.Ordinal);
        } // SIGKILL

        await using (var again = await SiloProcess.Start(settings))
        {
            Assert.Contains(NotReadAgain, again.Output, StringComparison.Ordinal);
            Assert.Equal("第1网格", (await again.Api.Get($"/api/v1/topology/{TestCity.Grid(1, 1)}")).Json["unit"]!["name"]!.GetValue<string>());
        }

        var city = TestCity.Build();
        var renamed = HubHost.WriteTopology(city with { Units = [.. city.Units.Select(u => u.Code == TestCity.Grid(1, 1) ? u with { Name = "东关网格" } : u)] });
        try
        {
            settings["Hub:Topology"] = renamed;
            await using var changed = await SiloProcess.Start(settings);
            Assert.DoesNotContain(NotReadAgain, changed.Output, StringComparison.Ordinal);
            Assert.Equal("东关网格", (await changed.Api.Get($"/api/v1/topology/{TestCity.Grid(1, 1)}")).Json["unit"]!["name"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(renamed);
        }
    }
}
