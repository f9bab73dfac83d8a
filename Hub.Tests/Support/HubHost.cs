using System.Text.Json;
using Hub.Dashboard.Json;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Tests.Support;

/// <summary>
/// The real hub (Program: Orleans silo, API, memory storage) in this process, on its own Orleans
/// ports, loaded with <see cref="TestCity"/> and no demo feed.
/// </summary>
public class HubHost : WebApplicationFactory<Program>
{
    private readonly string _topologyFile = WriteTopology(TestCity.Build());
    private Api? _api;

    /// <summary>The API as the bootstrap admin (scope: everything), signed in on first use.</summary>
    public Api Api => _api ??= As(SignIn.AdminUser, SignIn.AdminPassword);

    /// <summary>The API without any credential.</summary>
    public Api Anonymous() => new(CreateClient());

    /// <summary>The API as this user, signed in on first use.</summary>
    public Api As(string user, string password) =>
        new(CreateDefaultClient(new SignIn.BearerHandler(() => SignIn.Token(CreateClient(), user, password))));

    /// <summary>The API as a center with this key.</summary>
    public Api WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return new Api(client);
    }

    /// <summary>A bearer token for this user, for a hub connection.</summary>
    public Task<string> Token(string user = SignIn.AdminUser, string password = SignIn.AdminPassword) => SignIn.Token(CreateClient(), user, password);

    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>The topology file's JSON, with each unit's and device's geometry as the GeoJSON object it is.</summary>
    public static string Serialize(TopologyDocument document)
    {
        var json = JsonSerializer.SerializeToNode(document, Json)!;
        Place(json["units"]!.AsArray(), document.Units.Select(u => u.Geometry));
        Place(json["devices"]!.AsArray(), document.Devices.Select(d => d.Geometry));
        return json.ToJsonString();
    }

    private static void Place(System.Text.Json.Nodes.JsonArray entries, IEnumerable<string?> geometries)
    {
        foreach (var (entry, geometry) in entries.Zip(geometries).Where(e => e.Second is not null))
        {
            entry!["geometry"] = System.Text.Json.Nodes.JsonNode.Parse(geometry!);
        }
    }

    /// <summary>A temporary topology file (API.md §3 format), as an operator passes with <c>Hub:Topology</c>.</summary>
    public static string WriteTopology(TopologyDocument document)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hub-topology-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Serialize(document));
        return path;
    }

    /// <summary>Settings on top of the defaults; a subclass may add its own.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hub:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Hub:GatewayPort", FreePort.Next().ToString());
        builder.UseSetting("Hub:Topology", _topologyFile);
        builder.UseSetting("Hub:Demo", "false");
        builder.UseSetting(SignIn.BootstrapSetting, SignIn.AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_topologyFile);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HubJson.Configure(options);
        return options;
    }
}
