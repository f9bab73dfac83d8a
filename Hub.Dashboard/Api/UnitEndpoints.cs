using Hub.Dashboard.Access;
using Hub.Dashboard.OpenApi;
using Hub.Grains;
using Hub.Grains.History;
using Hub.Grains.Model;
using Hub.Grains.Rollup;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Hub.Grains.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Hub.Dashboard.Api;

/// <summary>API.md §6: the rolled-up status of any unit, down to a building.</summary>
public static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnits(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/status", Status).Allow(Permission.Read)
            .WithSummary("A unit's rolled-up status now: alerts, workers, patrols and its children").WithTags(Tag)
            .Answers<UnitStatus>().Refuses(403, 404);
        api.MapGet("/units/{code}/stats", Stats).Allow(Permission.Stats)
            .WithSummary("A unit's figures day by day over a range of at most 366 days").WithTags(Tag)
            .Answers<UnitStats>().Refuses(400, 403, 404);
        return api;
    }

    /// <summary>The longest range one request may ask for; longer reports are several requests.</summary>
    public const int MaxStatsDays = 366;

    private const string Tag = "Units";

    private static async Task<IResult> Stats(
        string code, Caller caller, HttpRequest request, TopologyCatalog topology, HubClock clock, IHistoryStats history, IOptions<HubOptions> options,
        IOptions<Grains.Patrol.PatrolOptions> patrol)
    {
        var index = topology.Current;
        var (node, problem) = ScopedUnit.Find(index, caller, code);
        if (node is null)
        {
            return problem!;
        }
        var errors = new List<string>();
        var to = QueryParams.Date(request, "to", errors) ?? clock.Today;
        var from = QueryParams.Date(request, "from", errors) ?? to.AddDays(-29);
        if (errors.Count == 0 && from > to)
        {
            errors.Add($"from: {from:yyyy-MM-dd} is after to ({to:yyyy-MM-dd})");
        }
        if (errors.Count == 0 && to.DayNumber - from.DayNumber + 1 > MaxStatsDays)
        {
            errors.Add($"from: the range is longer than {MaxStatsDays} days");
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest(string.Join("; ", errors), errors);
        }
        var days = await history.Days(code, from, to, request.HttpContext.RequestAborted);
        var visits = await history.PatrolVisits(code, from, to, request.HttpContext.RequestAborted);
        var targets = index.TargetsUnder(code, patrol.Value.DefaultPlan);
        return Results.Ok(StatsComposer.Compose(node, from, to, targets, visits, days, options.Value.Cases.ReworkRateOf));
    }

    private static async Task<IResult> Status(string code, Caller caller, TopologyCatalog topology, IGrainFactory grains)
    {
        var (node, problem) = ScopedUnit.Find(topology.Current, caller, code);
        if (node is null)
        {
            return problem!;
        }
        var status = await UnitGrains.Of(grains, node).GetStatus(code);
        return status is null ? Problems.NotFound($"unknown unit '{code}'") : Results.Ok(status);
    }
}
