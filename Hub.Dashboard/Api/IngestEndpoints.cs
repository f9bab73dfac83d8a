using System.Text.Json;
using Hub.Dashboard.Access;
using Hub.Dashboard.Api.Bodies;
using Hub.Dashboard.Api.Views;
using Hub.Dashboard.Ingest;
using Hub.Dashboard.OpenApi;
using Hub.Dashboard.Wire;
using Hub.Grains.Ingest;
using Hub.Grains.Model;
using Hub.Grains.Telemetry;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>API.md §4: batches of check-ins and alerts, validated whole and applied one call per grid.</summary>
public static class IngestEndpoints
{
    private const string Tag = "Ingest";

    public static RouteGroupBuilder MapIngest(this RouteGroupBuilder api)
    {
        IngestMeter.On(api.MapPost("/checkins", Checkins).Allow(Permission.Ingest), "checkins")
            .WithSummary("Send a batch of check-ins (at most 5,000), applied whole or not at all").WithTags(Tag)
            .Takes<CheckinItem[]>("A JSON array of check-ins, at most 4 MiB.")
            .Answers<CheckinBatchResult>(202).Refuses(400, 403, 413, 422, 429, 503);
        IngestMeter.On(api.MapPost("/alerts", Alerts).Allow(Permission.Ingest), "alerts")
            .WithSummary("Send a batch of alerts (at most 1,000), applied whole or not at all").WithTags(Tag)
            .Takes<AlertItem[]>("A JSON array of alerts, at most 4 MiB.")
            .Answers<AlertBatchResult>(202).Refuses(400, 403, 413, 422);
        return api;
    }

    private static async Task<IResult> Checkins(HttpRequest request, Caller caller, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest, CheckinAdmission admission, HubMetrics metrics)
    {
        var (entered, refused) = admission.Enter(request.HttpContext.Response);
        if (refused is not null)
        {
            return refused;
        }
        using (entered)
        {
            var snapshot = topology.Current;
            ILookup<string, CheckinReport>? byGrid = null; // grouped once: admission counts the grid calls, applying makes them
            return await Ingest(request, caller, snapshot, IngestLimits.MaxCheckins, "check-ins",
                (batch, index) => CheckinReader.Read(batch, index, clock.Now, caller.Scope),
                items =>
                {
                    byGrid = IngestDispatcher.ByGrid(items, snapshot);
                    return admission.Admit(caller, request.HttpContext.Response, items.Count, byGrid.Count);
                },
                async items =>
                {
                    var result = await ingest.ApplyCheckins(byGrid!);
                    metrics.CheckinsAccepted(result.Accepted, result.Duplicates);
                    return new CheckinBatchResult(result.Accepted, result.Duplicates);
                });
        }
    }

    private static Task<IResult> Alerts(HttpRequest request, Caller caller, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest, HubMetrics metrics)
    {
        var snapshot = topology.Current;
        return Ingest(request, caller, snapshot, IngestLimits.MaxAlerts, "alerts",
            (batch, index) => AlertReader.Read(batch, index, clock.Now, caller.Sender, caller.Scope),
            _ => (null, null),
            async items =>
            {
                var results = await ingest.RaiseAlerts(items, snapshot);
                var severities = items.ToLookup(i => i.SourceId, i => i.Severity);
                foreach (var result in results)
                {
                    metrics.AlertAccepted(severities[result.SourceId].First(), WireName.Of(result.Outcome));
                }
                return new AlertBatchResult(results);
            });
    }

    /// <summary>
    /// Reads a batch against one topology snapshot and the caller's scope, and applies it only if it
    /// is whole and wholly inside the scope; 202 with what applying it answered. What lies outside
    /// is refused first (403), so a 422 never describes anything outside the scope. A whole, valid
    /// batch may still be refused as too much at once (429, 503: <see cref="CheckinAdmission"/>).
    /// </summary>
    private static async Task<IResult> Ingest<T>(
        HttpRequest request,
        Caller caller,
        TopologyIndex index,
        int maxItems,
        string what,
        Func<JsonElement, TopologyIndex, BatchRead<T>> read,
        Func<IReadOnlyList<T>, (IDisposable? Lease, IResult? Refused)> admit,
        Func<IReadOnlyList<T>, Task<object>> apply)
    {
        var (batch, problem) = await JsonBody.ReadArray(request, IngestLimits.MaxBodyBytes, maxItems, what);
        if (batch is null)
        {
            return problem!;
        }
        using (batch)
        {
            var items = read(batch.RootElement, index);
            if (!items.IsInScope)
            {
                return Problems.Of(StatusCodes.Status403Forbidden, "Forbidden",
                    $"{items.Outside.Count} field(s) name something outside the scope '{caller.Scope}' of {caller.Describe()}; nothing was applied", items.Outside);
            }
            if (!items.IsValid)
            {
                return Problems.InvalidBatch(items.Errors, batch.RootElement.GetArrayLength());
            }
            var (lease, refused) = admit(items.Items);
            if (refused is not null)
            {
                return refused;
            }
            using (lease)
            {
                return Results.Accepted(value: await apply(items.Items));
            }
        }
    }
}
