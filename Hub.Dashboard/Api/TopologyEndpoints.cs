using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.OpenApi;
using Hub.Dashboard.Wire;
using Hub.Grains.Access;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>API.md §3: replace and read the governance tree.</summary>
public static class TopologyEndpoints
{
    /// <summary>
    /// A province's topology (a million units, their workers and devices) is a few hundred megabytes;
    /// it is read as it streams in, an entry at a time, so the limit guards the disk and the wire, not memory.
    /// </summary>
    public const long MaxTopologyBytes = 1024L * 1024 * 1024;

    private const string Tag = "Topology";

    public static RouteGroupBuilder MapTopology(this RouteGroupBuilder api)
    {
        api.MapPut("/topology", Replace).Allow(Permission.Administer)
            .WithSummary("Replace the whole topology: units, workers, devices and departments").WithTags(Tag)
            .Takes<TopologyDocument>("The whole topology, checked whole: nothing is applied if anything is wrong.")
            .Answers<TopologyReplaced>().Refuses(400, 403, 413);
        api.MapGet("/topology", (Caller caller, TopologyCatalog catalog) => Results.Ok(Visible(caller, catalog.Current))).Allow(Permission.Read)
            .WithSummary("The topology as far as the caller's scope reaches").WithTags(Tag)
            .Answers<TopologyDocument>();
        api.MapGet("/topology/{code}", Describe).Allow(Permission.Read)
            .WithSummary("One unit with its breadcrumb, children, workers, devices and departments").WithTags(Tag)
            .Answers<UnitDescription>().Refuses(403, 404);
        return api;
    }

    private static async Task<IResult> Replace(HttpRequest request, Caller caller, IGrainFactory grains, TopologySync sync)
    {
        if (caller.Scope != Jurisdiction.Everything)
        {
            return Problems.Forbidden($"replacing the topology needs an admin whose scope is the whole topology ('{Jurisdiction.Everything}'); {caller.Describe()} has '{caller.Scope}'");
        }
        if (JsonBody.Limit(request, MaxTopologyBytes) is { } tooLarge)
        {
            return tooLarge;
        }
        TopologyDocument? document;
        IReadOnlyList<string> errors;
        try
        {
            (document, errors) = await TopologyReader.Read(request.Body, MaxTopologyBytes, request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is BodyTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return Problems.TooLarge($"the body is larger than the limit of {MaxTopologyBytes} bytes");
        }
        if (document is null)
        {
            return Problems.BadRequest($"the topology has {errors.Count} problem(s); nothing was applied", errors);
        }
        var result = await grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).Replace(document);
        if (result.Errors.Count > 0)
        {
            return Problems.BadRequest($"the topology has {result.Errors.Count} problem(s); nothing was applied", result.Errors);
        }
        await sync.Refresh();
        return Results.Ok(new TopologyReplaced(
            Version: result.Version,
            Units: document.Units.Count,
            Workers: document.Workers.Count,
            Devices: document.Devices.Count,
            Departments: document.DepartmentList.Count));
    }

    private static IResult Describe(string code, Caller caller, TopologyCatalog catalog)
    {
        var index = catalog.Current;
        if (index.Find(code) is not { } node)
        {
            return Problems.NotFound($"unknown unit '{code}'");
        }
        if (!caller.Covers(index, code))
        {
            return Problems.OutsideScope(caller, code);
        }
        // The breadcrumb starts at the caller's scope: what lies above it is not theirs to see.
        var ancestors = node.Path.SkipLast(1)
            .SkipWhile(c => caller.Scope != Jurisdiction.Everything && c != caller.Scope)
            .Select(c => UnitRef(index, index.Find(c)!))
            .ToArray();
        var children = node.Children.Select(c => UnitRef(index, index.Find(c)!)).ToArray();
        return Results.Ok(new UnitDescription(
            Unit: UnitRef(index, node),
            Ancestors: ancestors,
            Children: children,
            Workers: index.WorkersOf(code).Select(w => new UnitWorker(w.Id, w.Name, w.Role)).ToArray(),
            Devices: index.Document.Devices.Where(d => d.Unit == code).Select(d => new UnitDevice(d.Id, d.Kind, d.Center)).ToArray(),
            Departments: index.Document.DepartmentList.Where(d => d.Unit == code).Select(d => new UnitDepartment(d.Code, d.Name)).ToArray(),
            // Who a case here may be whistled to (吹哨): the departments serving this unit or any above it.
            Summonable: node.Path.SelectMany(index.DepartmentsServing).ToArray()));
    }

    /// <summary>The document as far as the caller's scope reaches; the scope's own unit shows as a top unit.</summary>
    private static TopologyDocument Visible(Caller caller, TopologyIndex index)
    {
        var scope = caller.Scope;
        var document = index.Document;
        if (scope == Jurisdiction.Everything)
        {
            return document with { Departments = document.DepartmentList };
        }
        return new TopologyDocument(
            document.Units.Where(u => index.IsWithin(u.Code, scope)).Select(u => u.Code == scope ? u with { Parent = null } : u).ToArray(),
            document.Workers.Where(w => index.IsWithin(w.Grid, scope)).ToArray(),
            document.Devices.Where(d => index.IsWithin(d.Unit, scope)).ToArray(),
            document.DepartmentList.Where(d => index.IsWithin(d.Unit, scope)).ToArray());
    }

    /// <summary>A unit as the topology shows it: with a micro-grid's households, a grid's kind and a dedicated grid's category when given.</summary>
    private static UnitSpec UnitRef(TopologyIndex index, UnitNode n) =>
        index.Spec(n.Code) is { } spec ? spec with { Code = n.Code, Parent = n.Parent } : new UnitSpec(n.Code, n.Name, n.Level, n.Parent);
}
