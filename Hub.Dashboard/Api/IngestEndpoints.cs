using System.Text.Json;
using Hub.Grains.Ingest;
using Hub.Grains.Time;
using Hub.Grains.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hub.Dashboard.Api;

/// <summary>API.md §4: batches of check-ins and alerts, validated whole and applied one call per grid.</summary>
public static class IngestEndpoints
{
    public static RouteGroupBuilder MapIngest(this RouteGroupBuilder api)
    {
        api.MapPost("/checkins", Checkins);
        api.MapPost("/alerts", Alerts);
        return api;
    }

    private static async Task<IResult> Checkins(HttpRequest request, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest)
    {
        var (batch, problem) = await ReadBatch(request, IngestLimits.MaxCheckins, "check-ins");
        if (batch is null)
        {
            return problem!;
        }
        using (batch)
        {
            var read = CheckinReader.Read(batch.RootElement, topology.Current, clock.Now);
            if (!read.IsValid)
            {
                return Problems.InvalidBatch(read.Errors, batch.RootElement.GetArrayLength());
            }
            var result = await ingest.ApplyCheckins(read.Items);
            return Results.Accepted(value: new { result.Accepted, result.Duplicates });
        }
    }

    private static async Task<IResult> Alerts(HttpRequest request, TopologyCatalog topology, HubClock clock, IngestDispatcher ingest)
    {
        var (batch, problem) = await ReadBatch(request, IngestLimits.MaxAlerts, "alerts");
        if (batch is null)
        {
            return problem!;
        }
        using (batch)
        {
            var read = AlertReader.Read(batch.RootElement, topology.Current, clock.Now);
            if (!read.IsValid)
            {
                return Problems.InvalidBatch(read.Errors, batch.RootElement.GetArrayLength());
            }
            var results = await ingest.RaiseAlerts(read.Items);
            return Results.Accepted(value: new { Results = results });
        }
    }

    private static async Task<(JsonDocument? Batch, IResult? Problem)> ReadBatch(HttpRequest request, int maxItems, string what)
    {
        var (body, problem) = await JsonBody.Read(request, IngestLimits.MaxBodyBytes);
        if (body is null)
        {
            return (null, problem);
        }
        if (body.RootElement.ValueKind != JsonValueKind.Array)
        {
            body.Dispose();
            return (null, Problems.BadRequest($"the body must be a JSON array of {what}"));
        }
        var count = body.RootElement.GetArrayLength();
        if (count > maxItems)
        {
            body.Dispose();
            return (null, Problems.TooLarge($"{count} {what} in one batch; the limit is {maxItems}"));
        }
        return (body, null);
    }
}
