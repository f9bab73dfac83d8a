using Hub.Tests.Support;

namespace Hub.Tests.Durability;

/// <summary>A PostgreSQL server for one test class, and a topology file for the silos it starts.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; } = new();

    public string TopologyFile { get; } = HubHost.WriteTopology(TestCity.Build());

    public Task InitializeAsync() => Server.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        File.Delete(TopologyFile);
    }

    /// <summary>Settings for a silo process on a fresh database (or <paramref name="connectionString"/>'s), with fixed ports so it can restart on the same address.</summary>
    public static Dictionary<string, string> Silo(string connectionString, string topologyFile, IDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Hub:Storage"] = "postgres",
            ["ConnectionStrings:Hub"] = connectionString,
            ["Hub:Topology"] = topologyFile,
            ["Hub:Demo"] = "false",
            ["urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Hub:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return settings;
    }
}
