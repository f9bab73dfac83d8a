using System.Net;
using Hub.Tests.Support;

namespace Hub.Tests.Access;

/// <summary>API.md §9: what a scoped person reads holds nothing from outside the scope.</summary>
public class ScopeTests(AccessHost host) : IClassFixture<AccessHost>
{
    private Api Viewer => host.People["viewer"];

    [Fact]
    public async Task Alert_lists_never_hold_a_foreign_alert()
    {
        foreach (var query in new[] { "/api/v1/alerts?limit=1000", $"/api/v1/alerts?unit={AccessHost.Scope}&limit=1000", "/api/v1/alerts?state=active&limit=1000" })
        {
            var items = (await Viewer.Get(query)).Json["items"]!.AsArray();
            Assert.Contains(items, a => a!["id"]!.GetValue<string>() == host.InsideAlert);
            Assert.All(items, a => Assert.Contains(AccessHost.Scope, a!["path"]!.AsArray().Select(p => p!.GetValue<string>())));
        }
        var everything = (await host.Api.Get("/api/v1/alerts?limit=1000")).Json["items"]!.AsArray();
        Assert.Contains(everything, a => a!["id"]!.GetValue<string>() == host.ForeignAlert);
        Assert.Equal(HttpStatusCode.Forbidden, (await Viewer.Get($"/api/v1/alerts?unit={AccessHost.Foreign}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Viewer.Get($"/api/v1/alerts?unit={TestCity.District}")).Status);
    }

    [Fact]
    public async Task The_topology_a_scoped_person_reads_starts_at_their_scope()
    {
        var document = (await Viewer.Get("/api/v1/topology")).Json;
        var units = document["units"]!.AsArray();
        Assert.Equal(1 + 1 + 6 + 15, units.Count); // the street, its community, 6 grids, 15 buildings
        var top = Assert.Single(units, u => u!["parent"] is null)!;
        Assert.Equal(AccessHost.Scope, top["code"]!.GetValue<string>());
        Assert.All(document["workers"]!.AsArray(), w => Assert.StartsWith(AccessHost.Scope + "-", w!["grid"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(document["devices"]!.AsArray(), d => Assert.StartsWith(AccessHost.Scope + "-", d!["unit"]!.GetValue<string>(), StringComparison.Ordinal));

        var building = await Viewer.Get($"/api/v1/topology/{TestCity.Building(1, 2, 3)}");
        Assert.Equal(
            [AccessHost.Scope, TestCity.Community(1), TestCity.Grid(1, 2)],
            building.Json["ancestors"]!.AsArray().Select(a => a!["code"]!.GetValue<string>()).ToArray());
        var all = await host.Api.Get($"/api/v1/topology/{TestCity.Building(1, 2, 3)}");
        Assert.Equal(5, all.Json["ancestors"]!.AsArray().Count);
    }

    [Fact]
    public async Task Status_charts_and_stats_stop_at_the_scope()
    {
        Assert.Equal(HttpStatusCode.OK, (await Viewer.Get($"/api/v1/units/{TestCity.Building(1, 1, 1)}/status")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Viewer.Get($"/api/v1/units/{TestCity.District}/status")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Viewer.Get($"/api/v1/units/{TestCity.City}/charts/children-health.png")).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.People["leader"].Get($"/api/v1/units/{TestCity.Grid(1, 1)}/stats")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.People["leader"].Get($"/api/v1/units/{TestCity.Grid(2, 1)}/stats")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Viewer.Get($"/api/v1/units/{TestCity.Grid(1, 1)}/stats")).Status);
    }
}
