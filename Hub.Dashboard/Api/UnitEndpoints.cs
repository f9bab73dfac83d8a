using Hub.Grains.Topology;
using Hub.Grains.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>API.md §6: the rolled-up status of any unit, down to a building.</summary>
public static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnits(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/status", Status);
        return api;
    }

    private static async Task<IResult> Status(string code, TopologyCatalog topology, IGrainFactory grains)
    {
        if (topology.Current.Find(code) is not { } node)
        {
            return Problems.NotFound($"unknown unit '{code}'");
        }
        var status = await UnitGrains.Of(grains, node).GetStatus(code);
        return status is null ? Problems.NotFound($"unknown unit '{code}'") : Results.Ok(status);
    }
}
