using System.Text.Json;
using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Dashboard.Wire;
using Hub.Grains.Patrol;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Hub.Dashboard.Api;

/// <summary>巡查计划: how often the patrol targets under a unit are to be visited; units below without one inherit it.</summary>
public static class PatrolPlanEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;
    private const string Tag = "Patrol plans";

    public static RouteGroupBuilder MapPatrolPlans(this RouteGroupBuilder api)
    {
        api.MapPut("/units/{code}/patrol-plan", Set).Allow(Permission.Administer)
            .WithSummary("Set a unit's patrol plan (巡查计划); targets below without a nearer plan follow it").WithTags(Tag)
            .Takes<PatrolPlanBody>().Answers<PatrolPlanView>().Refuses(400, 403, 404, 413, 422);
        api.MapDelete("/units/{code}/patrol-plan", Remove).Allow(Permission.Administer)
            .WithSummary("Remove a unit's own patrol plan: it inherits again").WithTags(Tag)
            .Answers<PatrolPlanView>().Refuses(403, 404);
        api.MapGet("/units/{code}/patrol-plan", Read).Allow(Permission.Read)
            .WithSummary("The patrol plan a unit follows, its own or inherited").WithTags(Tag)
            .Answers<PatrolPlanView>().Refuses(403, 404);
        return api;
    }

    private static async Task<IResult> Set(
        string code, HttpRequest request, Caller caller, TopologyCatalog topology, TopologySync sync, IGrainFactory grains, IOptions<PatrolOptions> options)
    {
        if (ScopedUnit.Find(topology.Current, caller, code).Problem is { } problem)
        {
            return problem;
        }
        var (body, unreadable) = await JsonBody.Read(request, MaxBodyBytes);
        if (body is null)
        {
            return unreadable!;
        }
        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.BadRequest("the body must be a JSON object {\"cadence\", \"visits\"}");
            }
            var errors = new List<string>();
            var f = new JsonFields(body.RootElement, "$", errors);
            var cadence = f.Enum<PatrolCadence>("cadence");
            var visits = f.WholeNumber("visits", 1, PatrolPlan.MaxVisits);
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }
            await grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).SetPlan(code, new PatrolPlan(cadence!.Value, visits!.Value));
        }
        // The topology grain may live on another silo: this one catches up before answering.
        await sync.Refresh();
        return Read(code, caller, topology, options);
    }

    private static async Task<IResult> Remove(string code, Caller caller, TopologyCatalog topology, TopologySync sync, IGrainFactory grains, IOptions<PatrolOptions> options)
    {
        if (ScopedUnit.Find(topology.Current, caller, code).Problem is { } problem)
        {
            return problem;
        }
        await grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).SetPlan(code, null);
        await sync.Refresh();
        return Read(code, caller, topology, options);
    }

    /// <summary>The unit's plan: its own, or the one it inherits (<c>from</c> names the unit that set it; null: the default).</summary>
    private static IResult Read(string code, Caller caller, TopologyCatalog topology, IOptions<PatrolOptions> options)
    {
        var index = topology.Current;
        if (ScopedUnit.Find(index, caller, code).Problem is { } problem)
        {
            return problem;
        }
        var plan = index.PlanOf(code);
        return Results.Ok(new PatrolPlanView(
            Code: code,
            Cadence: (plan?.Plan ?? options.Value.DefaultPlan).Cadence,
            Visits: (plan?.Plan ?? options.Value.DefaultPlan).Visits,
            From: plan?.From,
            Own: plan?.From == code,
            Targets: index.PatrolTargetsOf(code)));
    }
}
